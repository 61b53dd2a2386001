import { ApiError } from '../http/api-error.js';
// Gateway errors, as WSO2's gateway answers them ({code, message, description} with its fault
// codes), with the RFC 6750 §3 WWW-Authenticate challenge on 401 and insufficient_scope.
const REALM = 'Bearer realm="tollgate"';
export const missingCredentials = () => new ApiError(401, 'Missing Credentials', 'Make sure your API invocation call has a header: "Authorization: Bearer ACCESS_TOKEN".', {
    code: 900902,
    headers: { 'www-authenticate': REALM }, // R43: no error code when no token was sent
});
export const invalidCredentials = () => new ApiError(401, 'Invalid Credentials', 'The access token is invalid, expired or revoked.', {
    code: 900901,
    headers: {
        'www-authenticate': `${REALM}, error="invalid_token", error_description="The access token is invalid, expired or revoked"`,
    },
});
export const twoTokenMethods = () => new ApiError(400, 'Bad Request', 'Send the access token in the Authorization header only, not in the query string (RFC 6750 §2).', {
    code: 400,
    headers: { 'www-authenticate': `${REALM}, error="invalid_request"` },
});
export const notSubscribed = () => new ApiError(403, 'Resource forbidden', 'The application is not subscribed to this API.', {
    code: 900908,
});
export const noSandboxEndpoint = () => new ApiError(403, 'Resource forbidden', 'This API has no sandbox endpoint: use production keys.', { code: 900908 });
export const insufficientScope = (scope) => new ApiError(403, 'The access token does not allow you to access the requested resource', `The resource requires the scope "${scope}".`, {
    code: 900910,
    headers: { 'www-authenticate': `${REALM}, error="insufficient_scope", scope="${scope}"` },
});
export const corsRefused = (what) => new ApiError(403, 'CORS request refused', `${what} is not allowed by the CORS settings of this API.`, {
    code: 403,
});
export const apiBlocked = () => new ApiError(503, 'API blocked', 'This API has been blocked temporarily. Please try again later or contact the system administrators.', { code: 700700 });
// WSO2's code for a subscription-tier throttle-out (SUBSCRIPTION_THROTTLE_OUT_ERROR_CODE);
// 900800 is its API-level one, which Tollgate does not have.
export const throttled = (retryAfterS) => new ApiError(429, 'Message throttled out', 'You have exceeded your quota for this API: retry after the time in Retry-After.', {
    code: 900804,
    headers: { 'retry-after': String(retryAfterS) },
});
// WSO2's code for an application-level throttle-out (APPLICATION_THROTTLE_OUT_ERROR_CODE).
export const applicationThrottled = (retryAfterS) => new ApiError(429, 'Message throttled out', "You have exceeded the request limit of your application's throttling policy: retry after the time in Retry-After.", {
    code: 900803,
    headers: { 'retry-after': String(retryAfterS) },
});
export const noApi = () => new ApiError(404, 'Not Found', 'No API is published at this path.', { code: 404 });
export const noResource = () => new ApiError(404, 'No matching resource found for given API Request', 'The API has no resource for this path.', { code: 900906 });
export const methodNotAllowed = (allow) => new ApiError(405, 'Method not allowed for given API resource', 'This resource does not accept this HTTP method.', {
    code: 405,
    headers: { allow: allow.join(', ') },
});
export const ambiguousPath = () => new ApiError(400, 'Bad Request', 'The request path contains dot segments, empty segments, encoded separators or parameters.', { code: 400 });
export const notConfigured = () => new ApiError(503, 'Service Unavailable', 'The Gateway has not yet received its configuration from the control plane.', {
    code: 101503,
    headers: { 'retry-after': '2' },
});
export const keyManagerUnavailable = () => new ApiError(503, 'Unclassified Authentication Failure', 'The Key Manager is unreachable: the access token cannot be checked now.', {
    code: 900900,
    headers: { 'retry-after': '2' },
});
export const backendUnreachable = () => new ApiError(503, 'Service Unavailable', 'The backend service could not be reached.', {
    code: 101503,
    headers: { 'retry-after': '5' },
});
// WSO2's transport codes: 101505 connection closed, 101506 protocol violation, 101500 sender error.
export const backendClosed = () => new ApiError(502, 'Bad Gateway', 'The backend service closed the connection without a complete answer.', { code: 101505 });
export const backendMalformed = () => new ApiError(502, 'Bad Gateway', 'The backend service answered with a malformed HTTP response.', {
    code: 101506,
});
export const backendSendFailed = () => new ApiError(502, 'Bad Gateway', 'The Gateway could not send the request to the backend service.', { code: 101500 });
export const backendTimeout = () => new ApiError(504, 'Gateway Timeout', 'The backend service did not answer in time.', {
    code: 101504,
});
//# sourceMappingURL=faults.js.map