import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { ApiCall, type CallReply, type CallRequest, type Policy } from './policies/api-call.js';
import { isRoutePolicy } from './policies/route.js';

/**
 * A refusal the direct path decided, handed to Fastify on the request itself: the API route's
 * handler throws it, so the one error renderer answers it exactly as when Fastify ran the
 * policies (status, WSO2 code, headers, a body still being uploaded drained first).
 */
export const DECIDED: unique symbol = Symbol('tollgate.gateway.decided');

interface DecidedRequest extends IncomingMessage {
  [DECIDED]?: unknown;
}

/** The refusal the direct path decided for this request, if it decided one. */
export const decidedFor = (raw: IncomingMessage): unknown => (raw as DecidedRequest)[DECIDED];

/** The request as the policies read it, straight from node:http. */
class DirectRequest implements CallRequest {
  constructor(
    readonly raw: IncomingMessage,
    readonly log: CallRequest['log'],
  ) {}
  get method(): string {
    return this.raw.method!;
  }
  get headers() {
    return this.raw.headers;
  }
  get ip(): string {
    return this.raw.socket.remoteAddress ?? '';
  }
  get body(): unknown {
    return this.raw; // the stream itself: the proxy pipes it unread
  }
}

/** The answer: the proxy writes the backend's straight into `raw`. */
class DirectReply implements CallReply {
  constructor(readonly raw: ServerResponse) {}
  code(status: number): CallReply {
    this.raw.statusCode = status;
    return this;
  }
  headers(values: Readonly<Record<string, string | number>>): CallReply {
    for (const name in values) this.raw.setHeader(name, values[name]!);
    return this;
  }
  send(payload?: unknown): CallReply {
    this.raw.end(payload === undefined ? undefined : JSON.stringify(payload));
    return this;
  }
  hijack(): void {}
}

/**
 * Serves calls to published APIs straight from node:http, without Fastify's per-request
 * routing, request and reply objects, child logger and hooks (a tenth of the Gateway's CPU per
 * proxied call): the same policies run on the same ApiCall, in the same order. Whatever is
 * not a plain call to an API goes to Fastify as before: paths with no API (the Token API,
 * /health, JWKS, 404s), CORS (any request with Origin, preflights), percent-encoded paths
 * (Fastify's router refuses malformed ones), a server closing (503), a server behind trusted
 * proxies (its client address comes from X-Forwarded-For; see GatewayDeps.direct). A refusal
 * decided here is answered by Fastify's error renderer (DECIDED), so answers are unchanged.
 */
export function serveApiCallsDirectly(
  app: FastifyInstance,
  policies: readonly Policy[],
  run: (policies: readonly Policy[], call: ApiCall, from: number) => void | Promise<void>,
): void {
  const server = app.server;
  const viaFastify = server.listeners('request') as ((
    req: IncomingMessage,
    res: ServerResponse,
  ) => void)[];
  if (viaFastify.length !== 1) return; // not the server Fastify made: leave it alone
  const fastify = viaFastify[0]!;
  const route = policies[0]!;
  if (!isRoutePolicy(route)) return;
  const log = app.log;

  const decide = (req: IncomingMessage, res: ServerResponse, err: unknown): void => {
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    (req as DecidedRequest)[DECIDED] = err;
    fastify.call(server, req, res);
  };

  server.removeListener('request', fastify);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.origin !== undefined || req.method === 'OPTIONS' || !server.listening)
      return fastify.call(server, req, res);
    // A percent-encoded path: Fastify's router decodes it and refuses a malformed one (400).
    const url = req.url!;
    const pct = url.indexOf('%');
    if (pct !== -1 && (url.indexOf('?') === -1 || pct < url.indexOf('?')))
      return fastify.call(server, req, res);
    const call = new ApiCall(new DirectRequest(req, log), new DirectReply(res));
    // No API at this path (or none yet, or an ambiguous path): Fastify's routes decide.
    if (!route.locate(call)) return fastify.call(server, req, res);
    let pending: void | Promise<void>;
    try {
      pending = run(policies, call, 1);
    } catch (err) {
      return decide(req, res, err);
    }
    if (pending !== undefined) pending.catch((err: unknown) => decide(req, res, err));
  });
}
