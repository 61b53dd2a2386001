import { randomUUID } from 'node:crypto';
import type { Application, ApplicationStore } from '../keymanager/index.js';
import { CatalogError, type ApiService } from '../publisher/index.js';
import type { Subscription, Tier } from './model.js';
import type { SubscriptionStore } from './store.js';

/** Who is asking: subscriptions are only ever shown to and changed by the application's owner. */
export interface Caller {
  readonly userId: string;
}

/** The Developer Portal's subscriptions: an owner subscribes their application to a published API. */
export function createSubscriptionService(deps: {
  store: SubscriptionStore;
  apis: ApiService;
  applications: ApplicationStore;
  tiers: readonly Tier[];
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;

  async function ownApplication(caller: Caller, applicationId: string): Promise<Application> {
    const app = await deps.applications.findById(applicationId);
    // Someone else's application is "not found", not "forbidden": no enumeration.
    if (!app || app.ownerId !== caller.userId)
      throw new CatalogError('not_found', `No application with id "${applicationId}".`);
    return app;
  }

  return {
    tiers: () => deps.tiers,

    async subscribe(
      caller: Caller,
      input: { applicationId: string; apiId: string; tier: string },
    ): Promise<Subscription> {
      const app = await ownApplication(caller, input.applicationId);
      const api = await deps.apis.get(input.apiId).catch(() => undefined);
      if (!api || api.status !== 'PUBLISHED') {
        throw new CatalogError(
          'not_found',
          `No published API with id "${input.apiId}" (deprecated, blocked and retired APIs take no new subscriptions).`,
        );
      }
      if (!deps.tiers.some((t) => t.name === input.tier)) {
        throw new CatalogError(
          'invalid',
          `Unknown throttling tier "${input.tier}" (one of ${deps.tiers.map((t) => t.name).join(', ')}).`,
        );
      }
      const sub: Subscription = {
        id: randomUUID(),
        applicationId: app.id,
        apiId: api.id,
        tier: input.tier,
        createdAt: now(),
      };
      if (!(await deps.store.create(sub))) {
        throw new CatalogError(
          'conflict',
          `Application "${app.name}" is already subscribed to ${api.name} ${api.version}.`,
        );
      }
      return sub;
    },

    async list(caller: Caller, applicationId?: string): Promise<Subscription[]> {
      if (applicationId !== undefined)
        return deps.store.listByApplications([(await ownApplication(caller, applicationId)).id]);
      const apps = await deps.applications.list(caller.userId);
      return deps.store.listByApplications(apps.map((a) => a.id));
    },

    async unsubscribe(caller: Caller, id: string): Promise<void> {
      const sub = await deps.store.findById(id);
      const app = sub && (await deps.applications.findById(sub.applicationId));
      if (!sub || !app || app.ownerId !== caller.userId || !(await deps.store.remove(id))) {
        throw new CatalogError('not_found', `No subscription with id "${id}".`);
      }
    },

    hasSubscriptions: async (apiId: string) => (await deps.store.countByApi(apiId)) > 0,
  };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
