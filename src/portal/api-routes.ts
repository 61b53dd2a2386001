import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/api-error.js';
import { params } from '../http/route-schema.js';
import type { ScopeStore } from '../keymanager/index.js';
import {
  gatewayPath,
  openApiDefinition,
  parseOpenApi,
  type Api,
  type ApiService,
} from '../publisher/index.js';

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

/**
 * Developer Portal REST: the catalogue of published (and deprecated) APIs, their OpenAPI
 * definitions, and the throttling policies; who may read it is the caller's choice of scope
 * (visitors too, unless the admin requires sign-in).
 */
export function registerPortalApiRoutes(
  app: FastifyInstance,
  deps: {
    apis: ApiService;
    scopes: Pick<ScopeStore, 'findMany'>;
    tiers: () => readonly unknown[];
    applicationPolicies: () => readonly unknown[];
    /** This instance's Gateway ("https://host:8243") and Token API, for the definitions. */
    gatewayUrl: string;
    tokenUrl: string;
  },
): void {
  const visible = async (id: string): Promise<Api> => {
    const api = await deps.apis.get(id).catch(() => undefined);
    if (!api || !(VISIBLE as readonly string[]).includes(api.status))
      throw notFound(`No published API with id "${id}".`);
    return api;
  };
  app.register(async (scope) => {
    const summary =
      'Published and deprecated APIs with their resources (method, URI template, scope)';
    scope.get('/apis', { schema: { summary } }, async () => {
      const list = (await deps.apis.list(VISIBLE)).map(portalView);
      return { count: list.length, list };
    });
    scope.get<{ Params: { id: string } }>(
      '/apis/:id',
      { schema: { summary: 'One published or deprecated API', params: params('id') } },
      async (req) => portalView(await visible(req.params.id)),
    );
    // WSO2's Developer Portal REST: GET /apis/{apiId}/swagger.
    const definition = {
      summary:
        "The API's OpenAPI 3 definition with the Gateway as server: the one its publisher gave, else one made from its resources (path parameters, scopes as OAuth2 on this Token API)",
      params: params('id'),
    };
    scope.get<{ Params: { id: string } }>(
      '/apis/:id/swagger',
      { schema: definition },
      async (req) => {
        const api = await visible(req.params.id);
        // The publisher's own document, served at this Gateway; else one made from the resources.
        const given = await deps.apis.definition(api.id);
        if (given !== undefined)
          return {
            ...parseOpenApi(given),
            servers: [{ url: `${deps.gatewayUrl}${gatewayPath(api)}` }],
          };
        const named = [...new Set(api.resources.flatMap((r) => (r.scope ? [r.scope] : [])))];
        const found = named.length > 0 ? await deps.scopes.findMany(named) : [];
        return openApiDefinition(api, {
          gatewayUrl: deps.gatewayUrl,
          tokenUrl: deps.tokenUrl,
          scopeDescriptions: new Map(found.map((s) => [s.name, s.description])),
        });
      },
    );
    const listOf = (list: readonly unknown[]) => ({ count: list.length, list });
    // WSO2's Developer Portal REST: GET /throttling-policies/{policyLevel}, "application" or "subscription".
    scope.get(
      '/throttling-policies',
      { schema: { summary: 'Subscription tiers ({name, requestsPerMinute}; null = unlimited)' } },
      async () => listOf(deps.tiers()),
    );
    scope.get(
      '/throttling-policies/subscription',
      { schema: { summary: 'Subscription tiers (same as /throttling-policies)' } },
      async () => listOf(deps.tiers()),
    );
    scope.get(
      '/throttling-policies/application',
      {
        schema: {
          summary:
            'Application throttling policies ({name, requestsPerMinute}; null = unlimited): requests per minute per application and end user, across all APIs',
        },
      },
      async () => listOf(deps.applicationPolicies()),
    );
  });
}
