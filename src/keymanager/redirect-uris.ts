// Redirect URIs: registered as Callback URLs, then compared as exact strings (RFC 9700 §4.1.3,
// OAuth 2.1 §2.3.1). Which URIs may be registered follows RFC 8252 for native apps.

export const MAX_CALLBACK_URLS = 20;
const MAX_LENGTH = 2000;

// RFC 8252 §7.3: loopback interface redirection uses IP literals; "localhost" (§8.3, NOT
// RECOMMENDED) is accepted for web developers' machines but compared exactly.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
const LOOPBACK_IP_WITH_PORT = /^http:\/\/(127\.0\.0\.1|\[::1\]):\d{1,5}(?=[/?]|$)/;

/**
 * Why a callback URL may not be registered, or undefined when it may: https (any host), http
 * on the loopback interface only (RFC 8252 §7.3), or a private-use scheme in reverse-domain
 * form such as com.example.app:/callback (§7.1). Never a fragment (RFC 6749 §3.1.2) nor
 * user information (a URI that reads as another host).
 */
export function callbackUrlProblem(raw: string): string | undefined {
  if (raw.length === 0 || raw.length > MAX_LENGTH)
    return `A callback URL is 1 to ${MAX_LENGTH} characters.`;
  // Printable ASCII only: what is compared is exactly what the client sends, percent-encoded.
  if (!/^[\x21-\x7E]+$/.test(raw))
    return 'A callback URL has no spaces or non-ASCII characters (percent-encode them).';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not an absolute URL.`;
  }
  if (raw.includes('#')) return 'A callback URL may not have a fragment (#).';
  if (url.username !== '' || url.password !== '' || /^[a-z][a-z0-9+.-]*:\/\/[^/?]*@/i.test(raw))
    return 'A callback URL may not contain user information (user@host).';
  if (url.protocol === 'https:') return url.hostname ? undefined : 'An https URL needs a host.';
  if (url.protocol === 'http:') {
    return LOOPBACK_HOSTS.has(url.hostname)
      ? undefined
      : 'Plain http is only for the loopback interface (http://127.0.0.1, http://[::1]); use https.';
  }
  // RFC 8252 §7.1: a private-use scheme is a reverse domain name (so never javascript:, data:, file:).
  const scheme = url.protocol.slice(0, -1);
  if (!scheme.includes('.'))
    return `"${scheme}:" is not allowed: use https, loopback http, or a private-use scheme in reverse-domain form (com.example.app:/callback).`;
  return undefined;
}

/**
 * The registered callback URL the presented redirect_uri matches, by exact string comparison.
 * One exception, required by RFC 8252 §7.3: a loopback IP URI registered without a port
 * matches the same URI with any port, since a native app gets its port from the OS at run time.
 */
export function matchRedirectUri(
  registered: readonly string[],
  presented: string,
): string | undefined {
  if (registered.includes(presented)) return presented;
  const m = LOOPBACK_IP_WITH_PORT.exec(presented);
  if (!m) return undefined;
  const withoutPort = `http://${m[1]}${presented.slice(m[0].length)}`;
  return registered.includes(withoutPort) ? presented : undefined;
}
