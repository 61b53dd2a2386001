// CORS settings (Fetch standard §3.2, "CORS protocol"): the Gateway's [apim.cors] defaults
// and an API's own settings from the Publisher are both this shape and pass the same checks.
/** WSO2 API Manager's [apim.cors] defaults (with Tollgate's max age). */
export const DEFAULT_CORS = Object.freeze({
    enabled: true,
    allowOrigins: Object.freeze(['*']),
    allowMethods: Object.freeze(['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS']),
    allowHeaders: Object.freeze(['authorization', 'content-type', 'soapaction', 'apikey']),
    allowCredentials: false,
    maxAgeSeconds: 3600,
});
export const MAX_CORS_AGE_SECONDS = 86_400;
// RFC 9110 §5.6.2 token; a method is a token too (§9.1).
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** The serialized origin (RFC 6454 §6.2) `value` stands for, or undefined when it is not one. */
function serializedOrigin(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return undefined;
    return url.origin === value.toLowerCase() ? url.origin : undefined;
}
function wildcardOrEach(field, list, each, what) {
    if (list.length > 100)
        throw new Error(`${field}: at most 100 entries`);
    if (list.includes('*')) {
        if (list.length > 1)
            throw new Error(`${field}: "*" stands alone (it already allows every ${what})`);
        return ['*'];
    }
    return list.map((v) => {
        const ok = each(v);
        if (ok === undefined)
            throw new Error(`${field}: "${v}" is not ${what === 'origin' ? 'an origin such as "https://app.example.com" (scheme, host and port only)' : `a ${what} name`}`);
        return ok;
    });
}
/**
 * Checks and normalises CORS settings; `names` says how each field is called where it came from
 * (deployment.toml keys or Publisher fields). Throws an Error whose message names the field.
 */
export function checkCorsSettings(s, names) {
    const allowOrigins = wildcardOrEach(names.allowOrigins, s.allowOrigins, serializedOrigin, 'origin');
    const allowMethods = wildcardOrEach(names.allowMethods, s.allowMethods, (m) => (TOKEN.test(m) ? m.toUpperCase() : undefined), 'method');
    const allowHeaders = wildcardOrEach(names.allowHeaders, s.allowHeaders, (h) => (TOKEN.test(h) ? h.toLowerCase() : undefined), 'header');
    // Fetch §3.2.5: "*" is not a wildcard for credentialed requests; echoing any origin with
    // credentials would let every site act with the user's cookies. Both together are refused.
    if (s.allowCredentials && allowOrigins[0] === '*') {
        throw new Error(`${names.allowCredentials}: credentials need the allowed origins listed one by one, not "*" in ${names.allowOrigins}`);
    }
    if (!Number.isInteger(s.maxAgeSeconds) ||
        s.maxAgeSeconds < 0 ||
        s.maxAgeSeconds > MAX_CORS_AGE_SECONDS)
        throw new Error(`${names.maxAgeSeconds}: whole seconds from 0 to ${MAX_CORS_AGE_SECONDS}`);
    return Object.freeze({
        enabled: s.enabled,
        allowOrigins: Object.freeze(allowOrigins),
        allowMethods: Object.freeze(allowMethods),
        allowHeaders: Object.freeze(allowHeaders),
        allowCredentials: s.allowCredentials,
        maxAgeSeconds: s.maxAgeSeconds,
    });
}
//# sourceMappingURL=cors.js.map