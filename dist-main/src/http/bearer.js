// RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token; the scheme name is case-insensitive
// (RFC 9110 §11.1).
const SCHEME = /^bearer /i;
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
/** The credential of an `Authorization: Bearer …` header, trimmed; undefined when absent or another scheme. */
export function bearerCredential(header) {
    return header !== undefined && SCHEME.test(header) ? header.slice(7).trim() : undefined;
}
/** Whether `credential` has the b64token syntax (RFC 6750 §2.1) and at most `maxLength` characters. */
export function isB64Token(credential, maxLength) {
    return credential.length <= maxLength && B64TOKEN.test(credential);
}
//# sourceMappingURL=bearer.js.map