import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifySchemaValidationError,
} from 'fastify';
import { badRequest } from './api-error.js';
import type { Logger } from 'pino';
import type { TransportConfig } from '../config/index.js';
import { errorRenderer, renderNotFound } from './error-renderer.js';
import { TLS_PROFILE, type TlsMaterial } from './tls.js';
import { lazyValidators } from './lazy-validators.js';

export interface HttpServerOptions {
  readonly transport: TransportConfig;
  readonly logger: Logger;
  /** Absent for the plain-HTTP Gateway port. */
  readonly tls?: TlsMaterial;
  readonly bodyLimit?: number;
  /** Proxies (IP or CIDR) whose X-Forwarded-For sets req.ip (R24); empty = the socket address. */
  readonly trustedProxies?: readonly string[];
  /** Errors that mean a dependency (the database) is down: answered 503 + Retry-After, not 500. */
  readonly unavailable?: (err: unknown) => boolean;
}

const PART: Record<string, string> = {
  body: 'body field',
  querystring: 'query parameter',
  params: 'path parameter',
  headers: 'header',
};

/** A request refused by its route's schema: 400 with one readable sentence. */
function schemaError(errors: FastifySchemaValidationError[], part: string): Error {
  const e = errors[0];
  const field = e ? e.instancePath.slice(1).replace(/\//g, '.') : '';
  const missing = e?.params['missingProperty'];
  const name = typeof missing === 'string' ? [field, missing].filter(Boolean).join('.') : field;
  const what = name ? `${PART[part] ?? part} "${name}"` : part === 'body' ? 'the body' : part;
  // A query value is always a string unless the parameter was sent more than once.
  const message =
    e?.keyword === 'type' && part === 'querystring'
      ? 'must be given once'
      : e?.keyword === 'required'
        ? 'is required'
        : (e?.message ?? 'is invalid');
  const text = `${what} ${message}.`;
  return badRequest(text.charAt(0).toUpperCase() + text.slice(1));
}

/** A Fastify instance with explicit limits (R57) and the one error renderer. */
export function createHttpServer(opts: HttpServerOptions): FastifyInstance {
  const { transport } = opts;
  // Node checks headersTimeout/requestTimeout only every connectionsCheckingInterval (30 s by
  // default), which would let a slow-headers client hold a socket far beyond the limit (R57).
  const nodeServer = {
    connectionsCheckingInterval: 1000,
    headersTimeout: transport.headersTimeoutMs,
    requestTimeout: transport.requestTimeoutMs,
  };
  const renderError = errorRenderer(opts.unavailable ? { unavailable: opts.unavailable } : {});
  const app = Fastify({
    loggerInstance: opts.logger,
    // Access lines are not logged per request (R-secrets: no URLs with tokens in logs).
    logController: new LogController({ disableRequestLogging: true }),
    ...(opts.tls
      ? {
          https: {
            ...TLS_PROFILE,
            cert: opts.tls.cert,
            key: opts.tls.key,
            maxHeaderSize: 16384,
            ...nodeServer,
          },
        }
      : { http: nodeServer }),
    maxHeaderSize: 16384,
    requestTimeout: transport.requestTimeoutMs,
    connectionTimeout: transport.requestTimeoutMs,
    keepAliveTimeout: 10_000,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    // R24, RFC 9700 §4.13: X-Forwarded-For is believed only from the configured proxies.
    trustProxy:
      opts.trustedProxies && opts.trustedProxies.length > 0 ? [...opts.trustedProxies] : false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Route schemas check what the client sent as it is: no type coercion (a query parameter
    // sent twice stays an array and is refused), no defaults, nothing removed; a field may be
    // a string or null (`type: ['string', 'null']`).
    ajv: {
      customOptions: {
        coerceTypes: false,
        useDefaults: false,
        removeAdditional: false,
        allowUnionTypes: true,
      },
    },
    schemaController: { compilersFactory: { buildValidator: lazyValidators() } },
    schemaErrorFormatter: schemaError,
    // What the router refuses (a malformed URL, a path parameter over 100 characters) is
    // answered by the same renderer as everything else.
    frameworkErrors: (err: Error, req: FastifyRequest, reply: FastifyReply) =>
      renderError(err, req, reply),
  } as Parameters<typeof Fastify>[0]) as unknown as FastifyInstance;
  app.server.headersTimeout = transport.headersTimeoutMs;
  app.server.maxConnections = transport.maxConnections;
  app.setErrorHandler(renderError);
  app.setNotFoundHandler(renderNotFound);
  return app;
}
