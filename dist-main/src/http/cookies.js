// RFC 6265 §4.2.1: cookie-header = cookie-pair *( ";" SP cookie-pair ). Only what Tollgate
// needs: find one cookie by name; no decoding (session ids are base64url).
export function readCookie(header, name) {
    if (!header)
        return undefined;
    for (const part of header.split(';')) {
        const eq = part.indexOf('=');
        if (eq > 0 && part.slice(0, eq).trim() === name)
            return part.slice(eq + 1).trim();
    }
    return undefined;
}
/**
 * The session cookie. The __Host- prefix makes browsers refuse it unless it is Secure, has
 * Path=/ and no Domain (RFC 6265bis §4.1.3.2); HttpOnly keeps it from scripts, SameSite=Strict
 * from cross-site requests.
 */
export const SESSION_COOKIE = '__Host-tollgate-session';
export function sessionCookie(value, maxAgeSeconds) {
    return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; Secure; HttpOnly; SameSite=Strict`;
}
export const clearedSessionCookie = () => sessionCookie('', 0);
//# sourceMappingURL=cookies.js.map