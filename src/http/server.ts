import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { TransportConfig } from '../config/index.js';
import { renderError, renderNotFound } from './error-renderer.js';
import type { TlsMaterial } from './tls.js';

export interface HttpServerOptions {
  readonly transport: TransportConfig;
  readonly logger: Logger;
  /** Absent for the plain-HTTP Gateway port. */
  readonly tls?: TlsMaterial;
  readonly bodyLimit?: number;
}

/** A Fastify instance with explicit limits (R57) and the one error renderer. */
export function createHttpServer(opts: HttpServerOptions): FastifyInstance {
  const { transport } = opts;
  const app = Fastify({
    loggerInstance: opts.logger,
    // Access lines are not logged per request (R-secrets: no URLs with tokens in logs).
    logController: new LogController({ disableRequestLogging: true }),
    ...(opts.tls ? { https: { cert: opts.tls.cert, key: opts.tls.key, maxHeaderSize: 16384 } } : {}),
    maxHeaderSize: 16384,
    requestTimeout: transport.requestTimeoutMs,
    connectionTimeout: transport.requestTimeoutMs,
    keepAliveTimeout: 10_000,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  } as Parameters<typeof Fastify>[0]) as unknown as FastifyInstance;
  app.server.headersTimeout = transport.headersTimeoutMs;
  app.server.maxConnections = transport.maxConnections;
  app.setErrorHandler(renderError);
  app.setNotFoundHandler(renderNotFound);
  return app;
}
