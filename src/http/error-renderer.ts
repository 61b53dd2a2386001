import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';
import { ClientGoneError } from './connection-gone.js';
import { OAuthError, TemporarilyUnavailableError } from './oauth-error.js';
import { NO_STORE } from './responses.js';

/**
 * An error that knows its own answer, whatever domain threw it (the convention of http-errors,
 * Koa and node-oidc-provider): `status` is the HTTP status, `expose: true` says the message was
 * written for the client, `headers` are sent with it, and `pauseMs` asks that the connection
 * not be read again for a while (R55, ShedError). Anything else is a 500 whose detail is only
 * logged (R9).
 */
export interface ExposedError extends Error {
  readonly status: number;
  readonly expose: true;
  readonly headers?: Readonly<Record<string, string>>;
  readonly pauseMs?: number;
}

export function isExposed(err: unknown): err is ExposedError {
  if (!(err instanceof Error)) return false;
  const e = err as Partial<ExposedError>;
  return e.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 600;
}

// RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E; anything else (a quote,
// a backslash, echoed non-ASCII input) is replaced rather than sent.
const safeDescription = (text: string) => text.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, '?');

/** The headers of an OAuth error's answer, as sendOAuth sets them (before the body's own). */
function oauthHeaders(err: OAuthError, extra?: Record<string, string>): Record<string, string> {
  return { ...NO_STORE, ...err.headers, ...extra };
}

/** RFC 6749 §5.2: the error answer's body. */
function oauthBody(err: OAuthError): { error: string; error_description: string } {
  return { error: err.error, error_description: safeDescription(err.description) };
}

function sendOAuth(
  reply: FastifyReply,
  err: OAuthError,
  extra?: Record<string, string>,
): FastifyReply {
  return reply.code(err.status).headers(oauthHeaders(err, extra)).send(oauthBody(err));
}

/**
 * Writes an OAuth error straight on node:http's response, byte for byte as the Fastify
 * renderer answers it (status, headers in the same order, RFC 6749 §5.2 body), the pause of a
 * shed connection included: for the Token API's direct path (keymanager/direct-calls.ts),
 * which serves only where the client's address is the socket's (no trusted proxies) and has
 * read the whole body. Without Fastify's request, reply, hooks and serializer, a shed password
 * grant costs the event loop less of the core the hashing threads need (R55).
 */
export function writeOAuthError(res: ServerResponse, err: OAuthError & { pauseMs?: number }): void {
  const pause =
    err.pauseMs !== undefined && err.pauseMs > 0
      ? pauseSocket(res.socket!, err.pauseMs)
      : undefined;
  const body = JSON.stringify(oauthBody(err));
  const headers = oauthHeaders(
    err,
    pause !== undefined ? { 'retry-after': String(Math.ceil(pause / 1000)) } : undefined,
  );
  headers['content-type'] = 'application/json; charset=utf-8';
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(err.status, headers);
  res.end(body);
}

/** `{ code, message, description }` as WSO2's REST APIs; a domain error's message is the description. */
function sendApi(
  reply: FastifyReply,
  err: ExposedError,
  extra?: Record<string, string>,
): FastifyReply {
  const api =
    err instanceof ApiError
      ? err
      : new ApiError(err.status, STATUS_CODES[err.status]!, err.message);
  return reply
    .code(api.status)
    .headers({ ...NO_STORE, ...err.headers, ...extra })
    .send({
      code: api.code,
      message: api.message,
      description: api.description,
      ...(api.errors ? { errors: api.errors } : {}),
    });
}

/** A pause doubles at most this many times: 8 × the base pause. */
const MAX_DOUBLINGS = 3;

/** The last pause of each connection that was paused (gone with its socket). */
const paused = new WeakMap<
  Socket,
  { readonly doublings: number; readonly resumesAt: number; readonly timer: NodeJS.Timeout }
>();

/**
 * Stops reading the connection's next request for a while, once this answer is written, and
 * returns that while in ms. A connection shed again within `ms` of the end of its last pause
 * (a client that resends as soon as it may, while the overload lasts) is paused twice as long
 * as the last time, up to 8 × `ms`: however many connections a flood holds, the 503s it costs
 * per second keep falling, so answering them never takes the CPU the hashing needs. Not
 * for a connection from a trusted proxy (the request's address came from X-Forwarded-For):
 * a proxy carries many clients' requests on it, and the others must not wait.
 */
function pauseConnection(request: FastifyRequest, ms: number): number | undefined {
  const socket = request.raw.socket;
  if (request.ip !== socket.remoteAddress) return undefined;
  return pauseSocket(socket, ms);
}

/** True for a connection that was paused after a shed answer (it may be read again since). */
export const wasShed = (socket: Socket): boolean => paused.has(socket);

/** pauseConnection for a socket whose client is the peer itself (not a trusted proxy). */
function pauseSocket(socket: Socket, ms: number): number {
  const now = Date.now();
  const last = paused.get(socket);
  const doublings =
    last !== undefined && now - last.resumesAt <= ms
      ? Math.min(last.doublings + 1, MAX_DOUBLINGS)
      : 0;
  const pause = ms * 2 ** doublings;
  // Requests read together (pipelined) are paused once, until the latest pause ends.
  if (last !== undefined) clearTimeout(last.timer);
  socket.pause();
  const timer = setTimeout(() => socket.resume(), pause).unref();
  paused.set(socket, { doublings, resumesAt: now + pause, timer });
  return pause;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route speaks RFC 6749 §5.2 errors (the Token API), also for the framework's refusals. */
    oauthErrors?: boolean;
  }
}

/** Route options of the OAuth endpoints (token, revoke, introspect). */
export const OAUTH_ROUTE = { config: { oauthErrors: true } } as const;

/**
 * How much of a request body the server still reads, and for how long at most, before it
 * answers an error that came before the body was read (a body over the limit, a refusal in an
 * onRequest hook). Answering and closing while the client is still uploading makes the
 * kernel reset the connection, and a reset discards the answer the client has not read yet
 * (RFC 9112 §9.6; curl then reports "Send failure" instead of the 413). Past these bounds the
 * server answers and closes anyway.
 */
export const DRAIN_LIMITS = { bytes: 4 * 1024 * 1024, ms: 10_000 } as const;

/** Reads and drops the rest of a request body, within the bounds; resolves when done or past them. */
export function drainBody(req: IncomingMessage, limits = DRAIN_LIMITS): Promise<void> {
  if (req.complete || req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const finish = () => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', finish);
      req.off('close', finish);
      req.off('error', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limits.bytes) finish();
    };
    const timer = setTimeout(finish, limits.ms);
    timer.unref();
    req.on('data', onData);
    req.once('end', finish);
    req.once('close', finish);
    req.once('error', finish);
    req.resume();
  });
}

export interface ErrorRendererOptions {
  /** True for an outage of a service the server depends on (the database): 503 + Retry-After. */
  readonly unavailable?: (err: unknown) => boolean;
}

/**
 * The one place errors become HTTP responses. OAuth errors become RFC 6749 §5.2 JSON, other
 * exposed errors (ApiError on the management REST and the Gateway, a domain's refusal of bad
 * input) `{ code, message, description }`; an outage becomes 503 + Retry-After; anything the
 * client sent that the framework refused becomes invalid_request; everything else is a 500
 * with fixed text, its detail logged with the request id and never sent (R9).
 */
export function errorRenderer(opts: ErrorRendererOptions = {}) {
  const render = (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ClientGoneError) {
      // Its client left before the work for it was done: there is nobody to answer.
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    if (isExposed(error)) {
      const pause =
        error.pauseMs !== undefined && error.pauseMs > 0
          ? pauseConnection(request, error.pauseMs)
          : undefined;
      // Retry-After covers the pause, so a client that honours it never finds it.
      const extra =
        pause !== undefined ? { 'retry-after': String(Math.ceil(pause / 1000)) } : undefined;
      return error instanceof OAuthError
        ? sendOAuth(reply, error, extra)
        : sendApi(reply, error, extra);
    }
    if (opts.unavailable?.(error)) {
      request.log.warn({ err: error, reqId: request.id }, 'storage unavailable');
      return sendOAuth(
        reply,
        new TemporarilyUnavailableError('The service is temporarily unavailable; retry later.', 2),
      );
    }
    const status = (error as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      // What the framework refused before a handler ran: in the route's own error format.
      const code = status === 413 || status === 414 || status === 415 ? status : 400;
      const description =
        code === 413
          ? 'The request body is too large.'
          : code === 414
            ? 'The request URL or one of its path segments is too long.'
            : code === 415
              ? 'Unsupported content type.'
              : 'The request is malformed.';
      // RFC 6749 §5.2: the Token API answers 400 invalid_request (413/414 for what is too large).
      if (request.routeOptions.config?.oauthErrors)
        return reply
          .code(code === 413 || code === 414 ? code : 400)
          .headers(NO_STORE)
          .send({ error: 'invalid_request', error_description: description });
      return sendApi(reply, new ApiError(code, STATUS_CODES[code]!, description));
    }
    request.log.error({ err: error, reqId: request.id }, 'unexpected error');
    return reply.code(500).headers(NO_STORE).send({
      error: 'server_error',
      error_description: 'The server encountered an unexpected condition.',
    });
  };
  // An error before the body was read is answered once the body is in (within DRAIN_LIMITS).
  return (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) =>
    request.raw.complete
      ? render(error, request, reply)
      : drainBody(request.raw).then(() => render(error, request, reply));
}

export function renderNotFound(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send({ error: 'not_found', error_description: 'No such endpoint.' });
}
