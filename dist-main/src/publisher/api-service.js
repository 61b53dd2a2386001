import { randomUUID } from 'node:crypto';
import { corsFromInput } from './cors.js';
import { CatalogError } from './errors.js';
import { nextStatus } from './lifecycle.js';
import { gatewayPath } from './model.js';
import { checkBackendUrl, checkContext, checkName, checkResources, checkVersion, nestedContexts, } from './validate.js';
/** The Publisher: APIs, their resources and their lifecycle. */
export function createApiService(deps) {
    const now = deps.now ?? Date.now;
    async function mustGet(id) {
        const api = await deps.store.findById(id);
        if (!api)
            throw new CatalogError('not_found', `No API with id "${id}".`);
        return api;
    }
    /**
     * One API per Gateway path, and no context below another API's: the Gateway routes by the
     * longest path, so "/shop/1.0.0" (any version) would take over part of /shop 1.0.0's
     * resources, and "/shop" would put its versions around another API. Versions of one context
     * are fine ("/shop" 1.0.0 and 2.0.0).
     */
    async function checkPathFree(api) {
        const others = (await deps.store.list()).filter((a) => a.id !== api.id);
        const same = others.find((a) => gatewayPath(a) === gatewayPath(api));
        if (same)
            throw new CatalogError('conflict', `Another API (${same.name}) already uses ${gatewayPath(api)}.`);
        const nested = others.find((a) => nestedContexts(a.context, api.context));
        if (nested)
            throw new CatalogError('invalid', `context: "${api.context}" overlaps the context "${nested.context}" of the API ${nested.name}; one context may not lie inside another.`);
    }
    return {
        get: mustGet,
        list: (statuses) => deps.store.list(statuses),
        findByNameAndVersion: (name, version) => deps.store.findByNameAndVersion(name, version),
        async create(input, ownerId) {
            const t = now();
            const api = {
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
                cors: input.corsConfiguration === undefined ? null : corsFromInput(input.corsConfiguration),
                isDefaultVersion: false,
                createdAt: t,
                updatedAt: t,
            };
            if (await deps.store.findByNameAndVersion(api.name, api.version)) {
                throw new CatalogError('conflict', `An API named "${api.name}" version ${api.version} already exists.`);
            }
            await checkPathFree(api);
            await deps.store.create(api);
            return api;
        },
        /** Changes the given fields; name, context and version are fixed once created (like WSO2). */
        async update(id, input) {
            const old = await mustGet(id);
            // A client may send the whole API back; a field that would change is refused, not ignored.
            const fixed = [
                ['name', input.name, checkName, old.name],
                ['context', input.context, checkContext, old.context],
                ['version', input.version, checkVersion, old.version],
            ];
            for (const [field, value, check, current] of fixed) {
                if (value === undefined || value === current)
                    continue;
                check(value); // a malformed or reserved value is named as such
                throw new CatalogError('invalid', `${field}: fixed once the API is created (it is "${current}"); create a new API or version instead.`);
            }
            const api = {
                ...old,
                description: typeof input.description === 'string'
                    ? input.description.slice(0, 2000)
                    : old.description,
                productionUrl: input.productionUrl === undefined
                    ? old.productionUrl
                    : checkBackendUrl('productionUrl', input.productionUrl, false),
                sandboxUrl: input.sandboxUrl === undefined
                    ? old.sandboxUrl
                    : checkBackendUrl('sandboxUrl', input.sandboxUrl, true),
                resources: input.resources === undefined ? old.resources : checkResources(input.resources),
                cors: input.corsConfiguration === undefined ? old.cors : corsFromInput(input.corsConfiguration),
                updatedAt: now(),
            };
            await deps.store.update(api);
            return api;
        },
        async setResources(id, resources) {
            const api = { ...(await mustGet(id)), resources, updatedAt: now() };
            await deps.store.update(api);
            return api;
        },
        async changeLifecycle(id, action) {
            const old = await mustGet(id);
            const api = { ...old, status: nextStatus(old.status, action), updatedAt: now() };
            await deps.store.update(api);
            return api;
        },
        async remove(id) {
            await mustGet(id);
            if (await deps.hasSubscriptions(id))
                throw new CatalogError('conflict', 'The API has subscriptions; remove them (or retire the API) first.');
            await deps.store.remove(id);
        },
    };
}
//# sourceMappingURL=api-service.js.map