import { notFound } from '../http/api-error.js';
import { params } from '../http/route-schema.js';
import { gatewayPath } from '../publisher/index.js';
const VISIBLE = ['PUBLISHED', 'DEPRECATED'];
/** What an application developer sees of an API: no backend URLs, no owner. */
const portalView = (api) => ({
    id: api.id,
    name: api.name,
    context: api.context,
    version: api.version,
    path: gatewayPath(api),
    description: api.description,
    status: api.status,
    hasSandbox: api.sandboxUrl !== '',
    resources: api.resources.map((r) => ({
        method: r.method,
        uriTemplate: r.uriTemplate,
        authType: r.authType,
        scope: r.scope,
    })),
});
/** Developer Portal REST: published (and deprecated) APIs and throttling policies, for any signed-in user. */
export function registerPortalApiRoutes(app, deps) {
    app.register(async (scope) => {
        const summary = 'Published and deprecated APIs with their resources (method, URI template, scope)';
        scope.get('/apis', { schema: { summary } }, async () => {
            const list = (await deps.apis.list(VISIBLE)).map(portalView);
            return { count: list.length, list };
        });
        scope.get('/apis/:id', { schema: { summary: 'One published or deprecated API', params: params('id') } }, async (req) => {
            const api = await deps.apis.get(req.params.id).catch(() => undefined);
            if (!api || !VISIBLE.includes(api.status))
                throw notFound(`No published API with id "${req.params.id}".`);
            return portalView(api);
        });
        const listOf = (list) => ({ count: list.length, list });
        // WSO2's Developer Portal REST: GET /throttling-policies/{policyLevel}, "application" or "subscription".
        scope.get('/throttling-policies', { schema: { summary: 'Subscription tiers ({name, requestsPerMinute}; null = unlimited)' } }, async () => listOf(deps.tiers()));
        scope.get('/throttling-policies/subscription', { schema: { summary: 'Subscription tiers (same as /throttling-policies)' } }, async () => listOf(deps.tiers()));
        scope.get('/throttling-policies/application', {
            schema: {
                summary: 'Application throttling policies ({name, requestsPerMinute}; null = unlimited): requests per minute per application and end user, across all APIs',
            },
        }, async () => listOf(deps.applicationPolicies()));
    });
}
//# sourceMappingURL=api-routes.js.map