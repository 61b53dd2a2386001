/**
 * An error of the management REST APIs (Publisher, Developer Portal, Admin) and of the
 * Gateway: rendered as `{ code, message, description }` like WSO2's REST APIs and gateway
 * faults (`code` is the HTTP status, or WSO2's numeric fault code such as 900901 on the
 * Gateway). The Token API uses OAuthError instead (RFC 6749 §5.2).
 */
export class ApiError extends Error {
    status;
    description;
    name = 'ApiError';
    /** Written for the client (see ExposedError in error-renderer.ts). */
    expose = true;
    code;
    headers;
    /** Per-item problems of a bulk request (user import), sent as `errors` beside the description. */
    errors;
    constructor(status, message, description, opts = {}) {
        super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
        this.status = status;
        this.description = description;
        this.code = opts.code ?? status;
        this.headers = opts.headers ?? {};
        this.errors = opts.errors;
    }
}
export const badRequest = (description) => new ApiError(400, 'Bad Request', description);
/**
 * 401 of the management REST APIs, deliberately without a `WWW-Authenticate: Basic` challenge:
 * a challenge makes a browser prompt for and cache the credentials, then send them on every
 * later request to this origin, cross-site ones included. Scripts send Basic up front.
 */
export const unauthorized = (description = 'Authentication is required.') => new ApiError(401, 'Unauthorized', description);
export const forbidden = (description = 'You are not allowed to do this.') => new ApiError(403, 'Forbidden', description);
export const notFound = (description) => new ApiError(404, 'Not Found', description);
export const conflict = (description) => new ApiError(409, 'Conflict', description);
//# sourceMappingURL=api-error.js.map