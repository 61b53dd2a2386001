export function compileCors(s) {
    const anyOrigin = s.allowOrigins.includes('*');
    // Checked by the Publisher and the config loader already; never "*" with credentials anyway.
    const credentials = s.allowCredentials && !anyOrigin;
    return {
        enabled: s.enabled,
        anyOrigin,
        origins: new Set(s.allowOrigins),
        anyMethod: s.allowMethods.includes('*'),
        methods: new Set(s.allowMethods),
        anyHeader: s.allowHeaders.includes('*'),
        headers: new Set(s.allowHeaders),
        credentials,
        allowMethods: s.allowMethods.join(', '),
        allowHeaders: s.allowHeaders.join(', '),
        maxAge: String(s.maxAgeSeconds),
        toAnyOrigin: Object.freeze({ 'access-control-allow-origin': '*' }),
    };
}
/**
 * The CORS headers of an answer to `origin` (already allowed). "*" only when any origin is
 * allowed without credentials; otherwise the origin itself, with Vary: Origin for caches
 * (Fetch §3.2.5, CORS protocol and HTTP caches).
 */
export function corsAnswerHeaders(cors, origin) {
    if (cors.anyOrigin && !cors.credentials)
        return cors.toAnyOrigin;
    return cors.credentials
        ? {
            'access-control-allow-origin': origin,
            'access-control-allow-credentials': 'true',
            vary: 'Origin',
        }
        : { 'access-control-allow-origin': origin, vary: 'Origin' };
}
/** Whether every header named in an Access-Control-Request-Headers value is allowed. */
export function headersAllowed(cors, requested) {
    if (cors.anyHeader || requested === undefined || requested.trim() === '')
        return true;
    for (const name of requested.split(',')) {
        const h = name.trim().toLowerCase();
        if (h !== '' && !cors.headers.has(h))
            return false;
    }
    return true;
}
//# sourceMappingURL=cors.js.map