import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HitCounter } from '../ratelimit/index.js';
import type { ConfigSync } from './config-sync.js';
import {
  ambiguousPath,
  apiBlocked,
  applicationThrottled,
  insufficientScope,
  methodNotAllowed,
  missingCredentials,
  noApi,
  noResource,
  noSandboxEndpoint,
  notConfigured,
  notSubscribed,
  throttled,
  twoTokenMethods,
  invalidCredentials,
} from './faults.js';
import { backendFault, ClientGoneError, type Proxy } from './proxy.js';
import { canonicalPath } from './routing-table.js';
import type { TokenValidator } from './token-validator.js';

export interface GatewayDeps {
  readonly sync: ConfigSync;
  readonly tokens: TokenValidator;
  readonly counter: HitCounter;
  readonly proxy: Proxy;
  readonly proto: 'http' | 'https';
}

const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const MINUTE = 60_000;
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

/** RFC 6750 §2.1: the Authorization: Bearer credential, undefined when absent or another scheme. */
function bearerToken(req: FastifyRequest, query: string): string | undefined {
  const header = req.headers.authorization;
  const inQuery = /[?&]access_token=/.test(query);
  const token = header && /^bearer /i.test(header) ? header.slice(7).trim() : undefined;
  if (inQuery) throw twoTokenMethods(); // R42: only the header method is accepted
  if (token === undefined) return undefined;
  if (!B64TOKEN.test(token) || token.length > 8192) throw invalidCredentials();
  return token;
}

/** Counts one hit in the current minute; the Retry-After seconds when it is over `limit`. */
async function overLimit(
  counter: HitCounter,
  key: string,
  limit: number,
): Promise<number | undefined> {
  const w = await counter.hit(key, MINUTE);
  return w.count > limit ? Math.max(1, Math.ceil(w.resetInMs / 1000)) : undefined;
}

/**
 * Every request below a published API: the checks in order (path, token, subscription,
 * scope, API state, subscription tier, application policy), then the backend call. Each refusal is a typed fault rendered by
 * the one error renderer.
 */
async function handle(
  deps: GatewayDeps,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const table = deps.sync.table();
  if (!table) throw notConfigured();
  const target = canonicalPath(req.raw.url ?? '/');
  if (!target) throw ambiguousPath();
  const match = table.match(req.method, target.path);
  if (match.kind === 'no_api') throw noApi();
  if (match.kind === 'no_resource') throw noResource();
  if (match.kind === 'method_not_allowed') throw methodNotAllowed(match.allow);
  const { api } = match.api;

  let backend = api.productionUrl;
  // Who is counted against the subscription tier and the application policy (none for auth "none").
  let counted:
    | { applicationId: string; subject: string; tier: number | null; application: number | null }
    | undefined;
  if (match.resource.authType === 'oauth') {
    const token = bearerToken(req, target.query);
    if (token === undefined) throw missingCredentials();
    const info = await deps.tokens.validate(token, table.snapshot);
    if (info.jti !== undefined && table.revoked.has(info.jti)) throw invalidCredentials();
    const sub = table.subscription(api.id, info.clientId);
    if (!sub) throw notSubscribed();
    if (match.resource.scope !== null && !info.scopes.has(match.resource.scope))
      throw insufficientScope(match.resource.scope);
    if (sub.environment === 'sandbox') {
      if (!api.sandboxUrl) throw noSandboxEndpoint();
      backend = api.sandboxUrl;
    }
    counted = {
      applicationId: sub.applicationId,
      subject: info.subject,
      tier: table.tiers.get(sub.tier) ?? null,
      application: table.applicationLimit(sub.applicationId),
    };
  }
  if (api.status === 'BLOCKED') throw apiBlocked();
  // WSO2's order: subscription tier (per application and API), then application policy (per
  // application and end user, across all APIs). Unlimited ones are not counted at all.
  if (counted?.tier != null) {
    const retryAfter = await overLimit(
      deps.counter,
      `tier:${api.id}:${counted.applicationId}`,
      counted.tier,
    );
    if (retryAfter !== undefined) throw throttled(retryAfter);
  }
  if (counted?.application != null) {
    const retryAfter = await overLimit(
      deps.counter,
      `app:${counted.applicationId}:${counted.subject}`,
      counted.application,
    );
    if (retryAfter !== undefined) throw applicationThrottled(retryAfter);
  }

  const hasBody =
    (!BODYLESS.has(req.method) && (req.headers['content-length'] ?? '0') !== '0') ||
    req.headers['transfer-encoding'] !== undefined;
  let started = false;
  try {
    await deps.proxy.forward(
      {
        method: req.method,
        url: `${backend}${match.rest === '/' && target.path === api.path ? '' : match.rest}${target.query}`,
        headers: req.headers,
        body: hasBody ? (req.body as Readable) : null,
        clientIp: req.ip,
        proto: deps.proto,
        stripAuthorization: match.resource.authType === 'oauth',
      },
      reply.raw,
      () => {
        // From here the backend's answer is written straight to the client.
        started = true;
        reply.hijack();
      },
    );
  } catch (err) {
    if (err instanceof ClientGoneError) {
      // The client left and the backend call was cancelled: neither a backend fault nor an error of ours.
      req.log.debug({ api: api.name }, 'client closed the connection, backend call cancelled');
      if (!started) reply.hijack();
      reply.raw.destroy();
      return reply;
    }
    if (started) {
      // The answer had begun: closing the client's connection is all that is left to say.
      req.log.warn({ err: (err as Error).message, api: api.name }, 'backend answer broke off');
      reply.raw.destroy();
      return reply;
    }
    req.log.warn({ err: (err as Error).message, api: api.name }, 'backend call failed');
    throw backendFault(err);
  }
  return reply;
}

/** Serves every published API on this server (8243 HTTPS, 8280 HTTP), bodies streamed both ways. */
export function registerApiRoutes(app: FastifyInstance, deps: GatewayDeps): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // The body stays a stream: the proxy pipes it to the backend unread.
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scope.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
      url: '/*',
      handler: (req, reply) => handle(deps, req, reply),
    });
  });
}
