import { gatewayPath, type Api } from './model.js';

/** Where the definition points its callers: this instance's Gateway and Token API. */
export interface DefinitionTarget {
  /** "https://gw.example.com:8243": the API is served at its Gateway path below it. */
  readonly gatewayUrl: string;
  /** The Token API, for the OAuth2 security scheme's flows. */
  readonly tokenUrl: string;
  /** Descriptions of the scopes the resources name (missing: the scope's name). */
  readonly scopeDescriptions?: ReadonlyMap<string, string>;
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** An OpenAPI path ("/order/{orderId}") from a URI template; "/*" stays as WSO2 writes it. */
const pathParameters = (uriTemplate: string) =>
  [...uriTemplate.matchAll(/\{([^}/]+)\}/g)].map((m) => ({
    name: m[1]!,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));

/**
 * The OpenAPI 3 definition of an API, made from its resources, as WSO2 generates one for an API
 * created without a definition: one operation per resource, its path parameters, its scope as an
 * OAuth2 requirement (the "default" scheme, client credentials and password flows on this Token
 * API), `security: []` for a resource without authentication, and the Gateway as the server.
 */
export function openApiDefinition(api: Api, target: DefinitionTarget): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const scopes: Record<string, string> = {};
  for (const r of api.resources) {
    if (r.scope) scopes[r.scope] = target.scopeDescriptions?.get(r.scope) || r.scope;
    const parameters = pathParameters(r.uriTemplate);
    const operation: Record<string, unknown> = {
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(WITH_BODY.has(r.method)
        ? {
            requestBody: {
              required: false,
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          }
        : {}),
      responses: { default: { description: "The backend's answer" } },
      security: r.authType === 'none' ? [] : [{ default: r.scope ? [r.scope] : [] }],
      'x-auth-type': r.authType === 'none' ? 'None' : 'Application & Application User',
      ...(r.scope ? { 'x-scope': r.scope } : {}),
    };
    (paths[r.uriTemplate] ??= {})[r.method.toLowerCase()] = operation;
  }
  const flow = { tokenUrl: target.tokenUrl, scopes };
  return {
    openapi: '3.0.3',
    info: {
      title: api.name,
      version: api.version,
      ...(api.description ? { description: api.description } : {}),
    },
    servers: [{ url: `${target.gatewayUrl}${gatewayPath(api)}` }],
    paths,
    components: {
      securitySchemes: {
        default: { type: 'oauth2', flows: { clientCredentials: flow, password: flow } },
      },
    },
  };
}
