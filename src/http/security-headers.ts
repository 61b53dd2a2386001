import type { FastifyInstance } from 'fastify';

/**
 * Headers for the web UIs and the REST behind them: a strict Content-Security-Policy with no
 * inline script or style, no framing (clickjacking), no MIME sniffing, no referrer leaks.
 */
/**
 * The pages' Content-Security-Policy: only this origin's scripts, styles and fonts, no inline
 * script or style, no framing. `connectTo` adds origins the page's scripts may call (the
 * Developer Portal's API console calls this instance's Gateway); nothing else is relaxed.
 */
export function contentSecurityPolicy(connectTo: readonly string[] = []): string {
  return (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    `connect-src ${["'self'", ...connectTo].join(' ')}; ` +
    "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
  );
}

export const SECURITY_HEADERS = Object.freeze({
  'content-security-policy': contentSecurityPolicy(),
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
});

/**
 * Adds SECURITY_HEADERS to every response of this (encapsulated) Fastify scope; a route that
 * set its own Content-Security-Policy (built with contentSecurityPolicy) keeps it.
 */
export function addSecurityHeaders(scope: FastifyInstance): void {
  scope.addHook('onSend', async (_req, reply, payload) => {
    const own = reply.getHeader('content-security-policy');
    reply.headers(SECURITY_HEADERS);
    if (own !== undefined) reply.header('content-security-policy', own);
    return payload;
  });
}
