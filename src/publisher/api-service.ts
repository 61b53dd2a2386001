import { randomUUID } from 'node:crypto';
import { CatalogError } from './errors.js';
import { nextStatus, type LifecycleAction } from './lifecycle.js';
import { gatewayPath, type Api, type ApiResource } from './model.js';
import type { ApiStore } from './store.js';
import {
  checkBackendUrl,
  checkContext,
  checkName,
  checkResources,
  checkVersion,
} from './validate.js';

export interface ApiInput {
  readonly name?: unknown;
  readonly context?: unknown;
  readonly version?: unknown;
  readonly description?: unknown;
  readonly productionUrl?: unknown;
  readonly sandboxUrl?: unknown;
  readonly resources?: unknown;
}

/** Tells whether an API still has subscriptions (an API with subscribers is not deleted). */
export type HasSubscriptions = (apiId: string) => Promise<boolean>;

/** The Publisher: APIs, their resources and their lifecycle. */
export function createApiService(deps: {
  store: ApiStore;
  hasSubscriptions: HasSubscriptions;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;

  async function mustGet(id: string): Promise<Api> {
    const api = await deps.store.findById(id);
    if (!api) throw new CatalogError('not_found', `No API with id "${id}".`);
    return api;
  }

  async function checkUniquePath(api: Api): Promise<void> {
    const clash = (await deps.store.list()).find(
      (a) => a.id !== api.id && gatewayPath(a) === gatewayPath(api),
    );
    if (clash)
      throw new CatalogError(
        'conflict',
        `Another API (${clash.name}) already uses ${gatewayPath(api)}.`,
      );
  }

  return {
    get: mustGet,
    list: (statuses?: readonly Api['status'][]) => deps.store.list(statuses),
    findByNameAndVersion: (name: string, version: string) =>
      deps.store.findByNameAndVersion(name, version),

    async create(input: ApiInput, ownerId: string): Promise<Api> {
      const t = now();
      const api: Api = {
        id: randomUUID(),
        name: checkName(input.name),
        context: checkContext(input.context),
        version: checkVersion(input.version),
        description: typeof input.description === 'string' ? input.description.slice(0, 2000) : '',
        productionUrl: checkBackendUrl('productionUrl', input.productionUrl, false),
        sandboxUrl: checkBackendUrl('sandboxUrl', input.sandboxUrl, true),
        status: 'CREATED',
        ownerId,
        resources: input.resources === undefined ? [] : checkResources(input.resources),
        createdAt: t,
        updatedAt: t,
      };
      if (await deps.store.findByNameAndVersion(api.name, api.version)) {
        throw new CatalogError(
          'conflict',
          `An API named "${api.name}" version ${api.version} already exists.`,
        );
      }
      await checkUniquePath(api);
      await deps.store.create(api);
      return api;
    },

    /** Changes the given fields; name, context and version are fixed once created (like WSO2). */
    async update(id: string, input: ApiInput): Promise<Api> {
      const old = await mustGet(id);
      const api: Api = {
        ...old,
        description:
          typeof input.description === 'string'
            ? input.description.slice(0, 2000)
            : old.description,
        productionUrl:
          input.productionUrl === undefined
            ? old.productionUrl
            : checkBackendUrl('productionUrl', input.productionUrl, false),
        sandboxUrl:
          input.sandboxUrl === undefined
            ? old.sandboxUrl
            : checkBackendUrl('sandboxUrl', input.sandboxUrl, true),
        resources: input.resources === undefined ? old.resources : checkResources(input.resources),
        updatedAt: now(),
      };
      await deps.store.update(api);
      return api;
    },

    async setResources(id: string, resources: readonly ApiResource[]): Promise<Api> {
      const api: Api = { ...(await mustGet(id)), resources, updatedAt: now() };
      await deps.store.update(api);
      return api;
    },

    async changeLifecycle(id: string, action: LifecycleAction): Promise<Api> {
      const old = await mustGet(id);
      const api: Api = { ...old, status: nextStatus(old.status, action), updatedAt: now() };
      await deps.store.update(api);
      return api;
    },

    async remove(id: string): Promise<void> {
      await mustGet(id);
      if (await deps.hasSubscriptions(id))
        throw new CatalogError(
          'conflict',
          'The API has subscriptions; remove them (or retire the API) first.',
        );
      await deps.store.remove(id);
    },
  };
}

export type ApiService = ReturnType<typeof createApiService>;
