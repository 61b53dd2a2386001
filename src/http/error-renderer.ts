import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { OAuthError, ShedError, TemporarilyUnavailableError } from '../keymanager/errors.js';
import { isStoreUnavailable } from '../store/unavailable.js';
import { ApiError } from './api-error.js';
import { domainApiError } from './domain-errors.js';
import { NO_STORE } from './responses.js';

// RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E; anything else (a quote,
// a backslash, echoed non-ASCII input) is replaced rather than sent.
const safeDescription = (text: string) => text.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, '?');

function send(reply: FastifyReply, err: OAuthError): FastifyReply {
  return reply
    .code(err.status)
    .headers({ ...NO_STORE, ...err.headers })
    .send({ error: err.error, error_description: safeDescription(err.description) });
}

/**
 * Stops reading the connection's next request for a while, once this answer is written. Not
 * for a connection from a trusted proxy (the request's address came from X-Forwarded-For):
 * a proxy carries many clients' requests on it, and the others must not wait.
 */
function pauseConnection(request: FastifyRequest, ms: number): void {
  const socket = request.raw.socket;
  if (request.ip !== socket.remoteAddress) return;
  socket.pause();
  setTimeout(() => socket.resume(), ms).unref();
}

/**
 * The one place errors become HTTP responses. OAuth errors become RFC 6749 §5.2 JSON,
 * ApiErrors (management REST, Gateway) `{ code, message, description }`; a
 * database outage becomes 503 + Retry-After; anything the client sent that the framework
 * refused becomes invalid_request; everything else is a 500 with fixed text, its detail
 * logged with the request id and never sent (R9).
 */
export function renderError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof ShedError && error.pauseMs > 0) pauseConnection(request, error.pauseMs);
  if (error instanceof OAuthError) return send(reply, error);
  // A domain's refusal of bad input on the management REST APIs (name taken, weak password...).
  error = domainApiError(error) ?? error;
  if (error instanceof ApiError) {
    return reply
      .code(error.status)
      .headers({ ...NO_STORE, ...error.headers })
      .send({
        code: error.code,
        message: error.message,
        description: error.description,
        ...(error.errors ? { errors: error.errors } : {}),
      });
  }
  if (isStoreUnavailable(error)) {
    request.log.warn({ err: error, reqId: request.id }, 'storage unavailable');
    return send(
      reply,
      new TemporarilyUnavailableError('The service is temporarily unavailable; retry later.', 2),
    );
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const description =
      status === 413
        ? 'The request body is too large.'
        : status === 415
          ? 'Unsupported content type.'
          : 'The request is malformed.';
    return reply
      .code(status === 413 ? 413 : 400)
      .headers(NO_STORE)
      .send({ error: 'invalid_request', error_description: description });
  }
  request.log.error({ err: error, reqId: request.id }, 'unexpected error');
  return reply.code(500).headers(NO_STORE).send({
    error: 'server_error',
    error_description: 'The server encountered an unexpected condition.',
  });
}

export function renderNotFound(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send({ error: 'not_found', error_description: 'No such endpoint.' });
}
