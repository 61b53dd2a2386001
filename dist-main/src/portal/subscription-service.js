import { randomUUID } from 'node:crypto';
import { CatalogError } from '../publisher/index.js';
/** The Developer Portal's subscriptions: an owner subscribes their application to a published API. */
export function createSubscriptionService(deps) {
    const now = deps.now ?? Date.now;
    async function ownApplication(caller, applicationId) {
        const app = await deps.applications.findById(applicationId);
        // Someone else's application is "not found", not "forbidden": no enumeration.
        if (!app || app.ownerId !== caller.userId)
            throw new CatalogError('not_found', `No application with id "${applicationId}".`);
        return app;
    }
    return {
        tiers: () => deps.tiers,
        async subscribe(caller, input) {
            const app = await ownApplication(caller, input.applicationId);
            const api = await deps.apis.get(input.apiId).catch(() => undefined);
            if (!api || api.status !== 'PUBLISHED') {
                throw new CatalogError('not_found', `No published API with id "${input.apiId}" (deprecated, blocked and retired APIs take no new subscriptions).`);
            }
            if (!deps.tiers.some((t) => t.name === input.tier)) {
                throw new CatalogError('invalid', `Unknown throttling tier "${input.tier}" (one of ${deps.tiers.map((t) => t.name).join(', ')}).`);
            }
            const sub = {
                id: randomUUID(),
                applicationId: app.id,
                apiId: api.id,
                tier: input.tier,
                createdAt: now(),
            };
            if (!(await deps.store.create(sub))) {
                throw new CatalogError('conflict', `Application "${app.name}" is already subscribed to ${api.name} ${api.version}.`);
            }
            return sub;
        },
        async list(caller, applicationId) {
            if (applicationId !== undefined)
                return deps.store.listByApplications([(await ownApplication(caller, applicationId)).id]);
            const apps = await deps.applications.list(caller.userId);
            return deps.store.listByApplications(apps.map((a) => a.id));
        },
        async unsubscribe(caller, id) {
            const sub = await deps.store.findById(id);
            const app = sub && (await deps.applications.findById(sub.applicationId));
            if (!sub || !app || app.ownerId !== caller.userId || !(await deps.store.remove(id))) {
                throw new CatalogError('not_found', `No subscription with id "${id}".`);
            }
        },
        hasSubscriptions: async (apiId) => (await deps.store.countByApi(apiId)) > 0,
    };
}
//# sourceMappingURL=subscription-service.js.map