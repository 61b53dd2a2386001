import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/api-error.js';
import { gatewayPath, type Api, type ApiService } from '../publisher/index.js';

const VISIBLE = ['PUBLISHED', 'DEPRECATED'] as const;

/** What an application developer sees of an API: no backend URLs, no owner. */
const portalView = (api: Api) => ({
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
export function registerPortalApiRoutes(
  app: FastifyInstance,
  deps: {
    apis: ApiService;
    tiers: () => readonly unknown[];
    applicationPolicies: () => readonly unknown[];
  },
): void {
  app.register(async (scope) => {
    scope.get('/apis', async () => {
      const list = (await deps.apis.list(VISIBLE)).map(portalView);
      return { count: list.length, list };
    });
    scope.get<{ Params: { id: string } }>('/apis/:id', async (req) => {
      const api = await deps.apis.get(req.params.id).catch(() => undefined);
      if (!api || !(VISIBLE as readonly string[]).includes(api.status))
        throw notFound(`No published API with id "${req.params.id}".`);
      return portalView(api);
    });
    const listOf = (list: readonly unknown[]) => ({ count: list.length, list });
    // WSO2's Developer Portal REST: GET /throttling-policies/{policyLevel}, "application" or "subscription".
    scope.get('/throttling-policies', async () => listOf(deps.tiers()));
    scope.get('/throttling-policies/subscription', async () => listOf(deps.tiers()));
    scope.get('/throttling-policies/application', async () => listOf(deps.applicationPolicies()));
  });
}
