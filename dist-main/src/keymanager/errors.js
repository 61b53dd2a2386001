// The Key Manager's OAuth errors: each carries its RFC code and HTTP status, and
// src/http/error-renderer.ts answers it as RFC 6749 §5.2 JSON.
import { OAuthError, TemporarilyUnavailableError } from '../http/oauth-error.js';
export { OAuthError, TemporarilyUnavailableError, } from '../http/oauth-error.js';
export class InvalidRequestError extends OAuthError {
    constructor(description, status = 400) {
        super('invalid_request', status, description);
    }
}
/** RFC 6749 §5.2: 401 + WWW-Authenticate matching the scheme when the client used the Authorization header. */
export class InvalidClientError extends OAuthError {
    /** For the audit log only; the client always sees the same answer (R14). */
    reason;
    constructor(description = 'Client authentication failed.', reason = 'no_credentials') {
        super('invalid_client', 401, description);
        this.reason = reason;
        this.headers['www-authenticate'] = 'Basic realm="tollgate", charset="UTF-8"';
    }
}
export class InvalidGrantError extends OAuthError {
    constructor(description) {
        super('invalid_grant', 400, description);
    }
}
export class UnauthorizedClientError extends OAuthError {
    constructor(description) {
        super('unauthorized_client', 400, description);
    }
}
export class UnsupportedGrantTypeError extends OAuthError {
    constructor(description = 'The grant type is not supported by this server.') {
        super('unsupported_grant_type', 400, description);
    }
}
export class InvalidScopeError extends OAuthError {
    constructor(description) {
        super('invalid_scope', 400, description);
    }
}
/**
 * Shed load (R55): answered 503 at once, and the connection that brought it is not read
 * again for `pauseMs`, so a client that ignores Retry-After and resends at once on the same
 * connection cannot turn the shedding itself into the overload. Other connections are not
 * affected.
 */
export class ShedError extends TemporarilyUnavailableError {
    pauseMs;
    constructor(description, pauseMs) {
        super(description, Math.max(1, Math.ceil(pauseMs / 1000)));
        this.pauseMs = pauseMs;
    }
}
/**
 * Too many failed authentications from one client address (R16, R22): 429 + Retry-After.
 * RFC 6749 defines no code for this; `slow_down` is the registered OAuth error code
 * (RFC 8628 §3.5, IANA "OAuth Extensions Error Registry") that tells a client to wait
 * before retrying, while 503 `temporarily_unavailable` stays reserved for server overload.
 */
export class SlowDownError extends OAuthError {
    constructor(retryAfter) {
        super('slow_down', 429, 'Too many failed attempts from this address; retry later.');
        this.headers['retry-after'] = String(retryAfter);
    }
}
//# sourceMappingURL=errors.js.map