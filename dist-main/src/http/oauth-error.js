// The RFC 6749 §5.2 error answer, `{ error, error_description }`: the Token API's errors and the
// answer of the servers' own failures (overload, outage). The Key Manager's grant errors
// extend it (keymanager/errors.ts); the Gateway's Token API pass-through throws it too.
export class OAuthError extends Error {
    error;
    status;
    description;
    name = 'OAuthError';
    /** The description is written for the client (see ExposedError). */
    expose = true;
    headers = {};
    constructor(error, status, description, options) {
        super(description, options);
        this.error = error;
        this.status = status;
        this.description = description;
    }
}
/** Overload or an unavailable store: the client may retry after `retryAfter` seconds (R32, R36, R54, R55). */
export class TemporarilyUnavailableError extends OAuthError {
    constructor(description = 'The service is temporarily unavailable; retry later.', retryAfter = 1, options) {
        super('temporarily_unavailable', 503, description, options);
        this.headers['retry-after'] = String(retryAfter);
    }
}
//# sourceMappingURL=oauth-error.js.map