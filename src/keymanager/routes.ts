import type { FastifyInstance, FastifyRequest } from 'fastify';
import { connectionGone } from '../http/connection-gone.js';
import { OAUTH_ROUTE } from '../http/error-renderer.js';
import { NO_STORE } from '../http/responses.js';
import { failedFor, serveTokenCallsDirectly, type OAuthHandler } from './direct-calls.js';
import type { OAuthRequest } from './endpoints/request.js';
import type { KeyManager } from './key-manager.js';
import { tokenResponseJson } from './token-issuer.js';

/** R7: small bodies only, refused before they are buffered. */
export const OAUTH_BODY_LIMIT = 56 * 1024;

export function toOAuthRequest(req: FastifyRequest): OAuthRequest {
  return {
    contentType: req.headers['content-type'],
    authorization: req.headers.authorization,
    body: req.body,
    ip: req.ip,
    gone: () => connectionGone(req.raw.socket),
  };
}

/** How the OAuth routes are served. */
export interface TokenRouteOptions {
  /**
   * Serve plain form POSTs straight from node:http (direct-calls.ts). Only where the client
   * address is the socket's: not behind trusted proxies.
   */
  readonly direct?: boolean;
}

/**
 * Registers the POST-only OAuth endpoints (token, revoke) under the given paths. Used by the
 * Key Manager (/oauth2/...) and, in one process, by the Gateway (/token, /revoke).
 */
export function registerTokenRoutes(
  app: FastifyInstance,
  km: KeyManager,
  paths: { token: string; revoke: string; introspect?: string },
  opts: TokenRouteOptions = {},
): void {
  const handlers = new Map<string, OAuthHandler>([
    [paths.token, (req) => km.token(req)],
    [paths.revoke, (req) => km.revoke(req)],
  ]);
  if (paths.introspect) handlers.set(paths.introspect, (req) => km.introspect(req));
  if (opts.direct)
    serveTokenCallsDirectly(
      app,
      handlers,
      OAUTH_BODY_LIMIT,
      new Map([[paths.token, tokenResponseJson]]),
    );
  app.register(async (scope) => {
    // An error the endpoint threw on the direct path (its body already read): rendered here.
    scope.addHook('onRequest', (req, _reply, done) => {
      const failed = failedFor(req.raw);
      done(failed === undefined ? undefined : (failed.error as Error));
    });
    // Every body reaches the endpoint raw; it checks the content type itself (R3) and
    // parses strictly (form.ts). Query parameters are never read.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: OAUTH_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );

    const postOnly = (url: string, handler: (req: FastifyRequest) => Promise<unknown>) => {
      scope.post(url, OAUTH_ROUTE, async (req, reply) => {
        const result = await handler(req);
        reply.headers(NO_STORE);
        return result === undefined ? reply.code(200).send() : reply.code(200).send(result);
      });
      // RFC 6749 §3.2: POST only (R2).
      scope.route({
        method: ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
        url,
        ...OAUTH_ROUTE,
        handler: async (_req, reply) =>
          reply
            .code(405)
            .header('allow', 'POST')
            .headers(NO_STORE)
            .send({ error: 'invalid_request', error_description: 'Use POST.' }),
      });
    };
    for (const [url, handle] of handlers) postOnly(url, (req) => handle(toOAuthRequest(req)));
  });
}

export function registerKeyManagerRoutes(
  app: FastifyInstance,
  km: KeyManager,
  opts: TokenRouteOptions = {},
): void {
  registerTokenRoutes(
    app,
    km,
    { token: '/oauth2/token', revoke: '/oauth2/revoke', introspect: '/oauth2/introspect' },
    opts,
  );
  app.get('/oauth2/jwks', async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(km.jwks()),
  );
  app.get('/.well-known/oauth-authorization-server', async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(await km.metadata()),
  );
}
