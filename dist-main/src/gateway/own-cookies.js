// Tollgate's own cookies (the management session `__Host-tollgate-session`, and any later
// `tollgate-*` one, with or without a __Host-/__Secure- prefix) belong to the management
// server. Browsers send a host's cookies to every port of it (RFC 6265 §8.5), so they reach
// the Gateway too: a backend must neither read them nor set them.
const OWN_NAME = /^(?:__host-|__secure-)?tollgate-/i;
const MENTIONS_OWN = /tollgate-/i;
/** The Cookie header without Tollgate's cookies; undefined when nothing else is left. */
export function withoutOwnCookies(header) {
    const value = Array.isArray(header) ? header.join('; ') : header;
    if (!MENTIONS_OWN.test(value))
        return value; // the usual case: no split, no copy
    const kept = value
        .split(';')
        .map((pair) => pair.trim())
        .filter((pair) => pair !== '' && !OWN_NAME.test(pair));
    return kept.length > 0 ? kept.join('; ') : undefined;
}
/** A backend's Set-Cookie lines without those that would set a Tollgate cookie; undefined when none is left. */
export function withoutOwnSetCookies(header) {
    if (!Array.isArray(header))
        return OWN_NAME.test(header.trimStart()) ? undefined : header;
    if (!header.some((line) => MENTIONS_OWN.test(line)))
        return header;
    const kept = header.filter((line) => !OWN_NAME.test(line.trimStart()));
    return kept.length > 0 ? kept : undefined;
}
//# sourceMappingURL=own-cookies.js.map