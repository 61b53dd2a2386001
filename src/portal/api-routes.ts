import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/api-error.js';
import { requirePrincipal, type PrincipalResolver } from '../http/principal.js';
import { gatewayPath, type Api, type ApiService } from '../publisher/index.js';

export const DEVPORTAL_BASE = '/api/devportal/v1';
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
    resolvers: readonly PrincipalResolver[];
  },
): void {
  app.register(async (scope) => {
    scope.addHook('preHandler', requirePrincipal(deps.resolvers));
    scope.get(`${DEVPORTAL_BASE}/apis`, async () => {
      const list = (await deps.apis.list(VISIBLE)).map(portalView);
      return { count: list.length, list };
    });
    scope.get<{ Params: { apiId: string } }>(`${DEVPORTAL_BASE}/apis/:apiId`, async (req) => {
      const api = await deps.apis.get(req.params.apiId).catch(() => undefined);
      if (!api || !(VISIBLE as readonly string[]).includes(api.status))
        throw notFound(`No published API with id "${req.params.apiId}".`);
      return portalView(api);
    });
    const listOf = (list: readonly unknown[]) => ({ count: list.length, list });
    // WSO2's Developer Portal REST: GET /throttling-policies/{policyLevel}, "application" or "subscription".
    scope.get(`${DEVPORTAL_BASE}/throttling-policies`, async () => listOf(deps.tiers()));
    scope.get(`${DEVPORTAL_BASE}/throttling-policies/subscription`, async () =>
      listOf(deps.tiers()),
    );
    scope.get(`${DEVPORTAL_BASE}/throttling-policies/application`, async () =>
      listOf(deps.applicationPolicies()),
    );
  });
}
