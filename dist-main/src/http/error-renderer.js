import { STATUS_CODES } from 'node:http';
import { ApiError } from './api-error.js';
import { OAuthError, TemporarilyUnavailableError } from './oauth-error.js';
import { NO_STORE } from './responses.js';
export function isExposed(err) {
    if (!(err instanceof Error))
        return false;
    const e = err;
    return e.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 600;
}
// RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E; anything else (a quote,
// a backslash, echoed non-ASCII input) is replaced rather than sent.
const safeDescription = (text) => text.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, '?');
function sendOAuth(reply, err) {
    return reply
        .code(err.status)
        .headers({ ...NO_STORE, ...err.headers })
        .send({ error: err.error, error_description: safeDescription(err.description) });
}
/** `{ code, message, description }` as WSO2's REST APIs; a domain error's message is the description. */
function sendApi(reply, err) {
    const api = err instanceof ApiError
        ? err
        : new ApiError(err.status, STATUS_CODES[err.status], err.message);
    return reply
        .code(api.status)
        .headers({ ...NO_STORE, ...err.headers })
        .send({
        code: api.code,
        message: api.message,
        description: api.description,
        ...(api.errors ? { errors: api.errors } : {}),
    });
}
/**
 * Stops reading the connection's next request for a while, once this answer is written. Not
 * for a connection from a trusted proxy (the request's address came from X-Forwarded-For):
 * a proxy carries many clients' requests on it, and the others must not wait.
 */
function pauseConnection(request, ms) {
    const socket = request.raw.socket;
    if (request.ip !== socket.remoteAddress)
        return;
    socket.pause();
    setTimeout(() => socket.resume(), ms).unref();
}
/** Route options of the OAuth endpoints (token, revoke, introspect). */
export const OAUTH_ROUTE = { config: { oauthErrors: true } };
/**
 * How much of a request body the server still reads, and for how long at most, before it
 * answers an error that came before the body was read (a body over the limit, a refusal in an
 * onRequest hook). Answering and closing while the client is still uploading makes the
 * kernel reset the connection, and a reset discards the answer the client has not read yet
 * (RFC 9112 §9.6; curl then reports "Send failure" instead of the 413). Past these bounds the
 * server answers and closes anyway.
 */
export const DRAIN_LIMITS = { bytes: 4 * 1024 * 1024, ms: 10_000 };
/** Reads and drops the rest of a request body, within the bounds; resolves when done or past them. */
export function drainBody(req, limits = DRAIN_LIMITS) {
    if (req.complete || req.readableEnded || req.destroyed)
        return Promise.resolve();
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
        const onData = (chunk) => {
            seen += chunk.length;
            if (seen > limits.bytes)
                finish();
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
/**
 * The one place errors become HTTP responses. OAuth errors become RFC 6749 §5.2 JSON, other
 * exposed errors (ApiError on the management REST and the Gateway, a domain's refusal of bad
 * input) `{ code, message, description }`; an outage becomes 503 + Retry-After; anything the
 * client sent that the framework refused becomes invalid_request; everything else is a 500
 * with fixed text, its detail logged with the request id and never sent (R9).
 */
export function errorRenderer(opts = {}) {
    const render = (error, request, reply) => {
        if (isExposed(error)) {
            if (error.pauseMs !== undefined && error.pauseMs > 0)
                pauseConnection(request, error.pauseMs);
            return error instanceof OAuthError ? sendOAuth(reply, error) : sendApi(reply, error);
        }
        if (opts.unavailable?.(error)) {
            request.log.warn({ err: error, reqId: request.id }, 'storage unavailable');
            return sendOAuth(reply, new TemporarilyUnavailableError('The service is temporarily unavailable; retry later.', 2));
        }
        const status = error.statusCode;
        if (status !== undefined && status >= 400 && status < 500) {
            // What the framework refused before a handler ran: in the route's own error format.
            const code = status === 413 || status === 414 || status === 415 ? status : 400;
            const description = code === 413
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
            return sendApi(reply, new ApiError(code, STATUS_CODES[code], description));
        }
        request.log.error({ err: error, reqId: request.id }, 'unexpected error');
        return reply.code(500).headers(NO_STORE).send({
            error: 'server_error',
            error_description: 'The server encountered an unexpected condition.',
        });
    };
    // An error before the body was read is answered once the body is in (within DRAIN_LIMITS).
    return (error, request, reply) => request.raw.complete
        ? render(error, request, reply)
        : drainBody(request.raw).then(() => render(error, request, reply));
}
export function renderNotFound(_request, reply) {
    return reply.code(404).send({ error: 'not_found', error_description: 'No such endpoint.' });
}
//# sourceMappingURL=error-renderer.js.map