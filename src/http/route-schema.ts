import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

// JSON schemas of the management REST routes: Fastify validates each request's query, path
// parameters and body against them before the handler runs (a bad one is a 400 that says
// what is wrong, never a 500), and the same schemas make /api/openapi.json (ui/openapi.ts).

declare module 'fastify' {
  interface FastifySchema {
    /** One line for the OpenAPI document; required on every /api/ route. */
    summary?: string;
    /** Who may call it, when not any signed-in user. */
    description?: string;
    /** `[]` for a route that needs no sign-in (OpenAPI `security`). */
    security?: readonly unknown[];
    /** The status of success when not 200 (201 created, 204 no content). */
    successStatus?: number;
    /** Body media types when not application/json. */
    consumes?: readonly string[];
  }
}

type Schema = Record<string, unknown>;

export const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
export const bool: Schema = { type: 'boolean' };
export const int = (extra: Schema = {}): Schema => ({ type: 'integer', ...extra });
export const list = (items: Schema, extra: Schema = {}): Schema => ({
  type: 'array',
  items,
  ...extra,
});
export const oneOf = (...values: readonly string[]): Schema => ({ type: 'string', enum: values });

/** A JSON object; fields not listed are left alone (handlers read only what they know). */
export const obj = (properties: Record<string, Schema>, required: readonly string[] = []) => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
});

/**
 * The query string: each parameter at most once, as a string (Fastify turns `?a=1&a=2` into an
 * array; here that is a 400, R6 as on the Token API). Values are not coerced: handlers parse
 * numbers themselves, with their own messages.
 */
export const query = (properties: Record<string, Schema>): Schema => ({
  type: 'object',
  properties,
  additionalProperties: { type: 'string', maxLength: 2048 },
});

/** Path parameters (the router refuses one longer than 100 characters before any schema). */
export const params = (...names: readonly string[]): Schema => ({
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, { type: 'string' }])),
  required: names,
});

export interface DescribedRoute {
  readonly method: string;
  /** Fastify's path, e.g. /api/devportal/v1/applications/:id. */
  readonly url: string;
  readonly schema: FastifySchema;
}

const ANY_QUERY = query({});

/**
 * Watches every route registered in `scope` after this call: a route under /api/ must have a
 * schema with a summary (a route without one fails at start-up, so none escapes validation or
 * the document), and gets the strict query schema when it declares none. Returns the routes,
 * read when the document is built (so what the surfaces add, such as their role, is in it).
 */
export function describeRoutes(scope: FastifyInstance): () => readonly DescribedRoute[] {
  const routes: RouteOptions[] = [];
  scope.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const schema = route.schema ?? {};
    if (!schema.summary)
      throw new Error(`${String(route.method)} ${route.url} has no schema with a summary`);
    route.schema = { ...schema, querystring: schema.querystring ?? ANY_QUERY };
    routes.push(route);
  });
  return () =>
    routes.flatMap((r) =>
      (Array.isArray(r.method) ? r.method : [r.method])
        .filter((m) => m !== 'HEAD')
        .map((method) => ({ method, url: r.url, schema: r.schema ?? {} })),
    );
}

/** Adds the role line to the documentation of every route registered in `scope` after this call. */
export function describeAccess(scope: FastifyInstance, description: string): void {
  scope.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, description };
  });
}
