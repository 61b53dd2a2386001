import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { ClientGoneError, connectionGone } from '../http/connection-gone.js';
import { wasShed, writeOAuthError } from '../http/error-renderer.js';
import { OAuthError } from '../http/oauth-error.js';
import type { OAuthRequest } from './endpoints/request.js';

/** An OAuth endpoint as the routes call it: its answer (undefined: an empty 200), or it throws. */
export type OAuthHandler = (req: OAuthRequest) => Promise<unknown>;

const FAILED: unique symbol = Symbol('tollgate.keymanager.failed');

interface FailedRequest extends IncomingMessage {
  [FAILED]?: { readonly error: unknown };
}

/**
 * The error the direct path got from the endpoint, if it got one: the route throws it before
 * anything else, so Fastify's one error renderer answers it exactly as when Fastify ran the
 * endpoint (status, RFC 6749 §5.2 body, headers, a shed connection's pause, the log line).
 */
export const failedFor = (raw: IncomingMessage): { readonly error: unknown } | undefined =>
  (raw as FailedRequest)[FAILED];

// Only the media type the endpoints accept (form.ts): anything else goes to Fastify, whose
// answer (the endpoint's refusal) is then the same for every unusual header.
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

// What Fastify's reply.send writes for a JSON object after reply.headers(NO_STORE), in its order.
function jsonHeaders(body: string): string[] {
  return [
    'cache-control',
    'no-store',
    'pragma',
    'no-cache',
    'content-type',
    'application/json; charset=utf-8',
    'content-length',
    String(Buffer.byteLength(body)),
  ];
}
const EMPTY_HEADERS = ['cache-control', 'no-store', 'pragma', 'no-cache', 'content-length', '0'];

/**
 * Serves the OAuth POST endpoints (token, revoke, introspect) straight from node:http when the
 * request is a plain form POST to the exact path: without Fastify's routing, request and reply
 * objects, child logger, content-type parser and hooks, which were a sixth of an introspection's
 * CPU. The body is read with the route's limit and the endpoint's 200 is written as Fastify
 * writes it. Everything else goes to Fastify as before: other methods (405), other paths or a
 * query string, a body without Content-Length, over the limit or not form-encoded, a server
 * closing (503), a server behind trusted proxies (its client address comes from
 * X-Forwarded-For), and every error the endpoint throws other than an OAuth error (failedFor).
 * OAuth errors are written by the renderer's writeOAuthError, so refusals are unchanged.
 */
export function serveTokenCallsDirectly(
  app: FastifyInstance,
  routes: ReadonlyMap<string, OAuthHandler>,
  bodyLimit: number,
  /** A route's own JSON encoder of its answer (the same text as JSON.stringify gives). */
  encoders: ReadonlyMap<string, (result: never) => string> = new Map(),
): void {
  const server = app.server;
  const listeners = server.listeners('request') as ((
    req: IncomingMessage,
    res: ServerResponse,
  ) => void)[];
  if (listeners.length !== 1) return; // not the server Fastify made: leave it alone
  const next = listeners[0]!;

  const answer = (
    handle: OAuthHandler,
    encode: (result: never) => string,
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
  ) => {
    handle({
      contentType: req.headers['content-type'],
      authorization: req.headers.authorization,
      body,
      ip: req.socket.remoteAddress ?? '',
      gone: () => connectionGone(req.socket),
    }).then(
      (result) => {
        if (res.destroyed) return;
        if (result === undefined) {
          res.writeHead(200, EMPTY_HEADERS);
          res.end();
          return;
        }
        const json = encode(result as never);
        res.writeHead(200, jsonHeaders(json));
        res.end(json);
      },
      (error: unknown) => {
        if (res.destroyed) return;
        // Its client left before its password was checked: there is nobody to answer.
        if (error instanceof ClientGoneError) return void res.destroy();
        // The RFC 6749 §5.2 refusals (a shed password grant among them) are answered here, as
        // the renderer answers them; anything else (a 500, a storage outage) goes to Fastify.
        if (error instanceof OAuthError) return writeOAuthError(res, error);
        (req as FailedRequest)[FAILED] = { error };
        next.call(server, req, res);
      },
    );
  };

  server.removeListener('request', next);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const handle = req.method === 'POST' ? routes.get(req.url!) : undefined;
    if (handle === undefined || !server.listening) return next.call(server, req, res);
    const h = req.headers;
    const length = h['content-length'];
    const type = h['content-type'];
    if (
      length === undefined ||
      h['transfer-encoding'] !== undefined ||
      Number(length) > bodyLimit ||
      type === undefined ||
      !FORM_TYPE.test(type.trim())
    )
      return next.call(server, req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const run = () =>
        answer(
          handle,
          encoders.get(req.url!) ?? JSON.stringify,
          req,
          res,
          chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
        );
      // A connection paused after a shed answer holds the request its client sent meanwhile,
      // and, if the client left, its end of stream right behind it, which node:http sees a
      // moment after the request: answered one turn later, a password check for a client that
      // left is known as such before it takes a free hashing slot (ClientGoneError).
      if (wasShed(req.socket)) setImmediate(run);
      else run();
    });
  });
}
