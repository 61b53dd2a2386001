import { createHash, randomBytes } from 'node:crypto';
import { createAuthorizationService } from '../../src/keymanager/authorize/authorization-service.js';
import type { AuthorizationRequest } from '../../src/keymanager/authorize/authorization-request.js';
import { basic, type TestServer } from './tollgate.js';

export interface CodeClient {
  readonly username: string;
  readonly password: string;
  readonly userId: string;
  readonly applicationId: string;
  readonly appName: string;
  readonly consumerKey: string;
  readonly consumerSecret: string;
  readonly authorization: string;
  readonly redirectUri: string;
}

export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

/** RFC 7636 §4.1–4.2: a random 43-character verifier and its S256 challenge. */
export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A user, and an application of theirs allowed the Code grant with one callback URL. */
export async function createCodeClient(
  server: TestServer,
  opts: {
    roles?: string[];
    publicClient?: boolean;
    grantTypes?: string[];
    callbackUrls?: string[];
    tokenType?: 'jwt' | 'opaque';
    username?: string;
  } = {},
): Promise<CodeClient> {
  const s = server.services;
  const username = opts.username ?? `user${Math.random().toString(36).slice(2, 8)}`;
  const password = 'correct horse battery';
  const user =
    (await s.users.find(username)) ??
    (await s.users.create({ username, password, roles: opts.roles ?? [] }));
  const callbackUrls = opts.callbackUrls ?? ['https://client.example.com/callback'];
  const app = await s.applications.create({
    name: `app-${Math.random().toString(36).slice(2, 8)}`,
    ownerId: user.id,
    grantTypes: opts.grantTypes ?? ['authorization_code', 'refresh_token'],
    callbackUrls,
    publicClient: opts.publicClient ?? false,
    ...(opts.tokenType ? { tokenType: opts.tokenType } : {}),
  });
  const keys = await s.applications.generateKeys(app, 'production');
  return {
    username,
    password,
    userId: user.id,
    applicationId: app.id,
    appName: app.name,
    consumerKey: keys.consumerKey,
    consumerSecret: keys.consumerSecret,
    authorization: basic(keys.consumerKey, keys.consumerSecret),
    redirectUri: callbackUrls[0]!,
  };
}

/**
 * Issues a code the way GET /oauth2/authorize does once the user signed in and consented,
 * without the pages (the token endpoint's tests). `now` moves the issue time (expiry tests).
 */
export async function issueCode(
  server: TestServer,
  client: CodeClient,
  opts: { scope?: string; pkce?: Pkce; now?: number } = {},
): Promise<{ code: string; pkce: Pkce }> {
  const s = server.services;
  const service = createAuthorizationService({
    issuer: server.config.token.issuer,
    applications: s.stores.applications,
    authorizations: s.stores.authorizations,
    scopes: s.stores.scopes,
    tokens: s.stores.tokens,
    grantEnabled: async () => true,
    now: () => opts.now ?? Date.now(),
  });
  const pkce = opts.pkce ?? newPkce();
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: client.consumerKey,
    redirect_uri: client.redirectUri,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    ...(opts.scope ? { scope: opts.scope } : {}),
  });
  const request: AuthorizationRequest = await service.check(query.toString());
  const user = (await s.users.find(client.username))!;
  const { scope } = await service.question(request, user);
  const location = new URL(await service.approve(request, user, scope));
  return { code: location.searchParams.get('code')!, pkce };
}

/** A browser's cookies for one origin: what Set-Cookie stored, sent back as Cookie. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Stores the cookies of a response (call() joins several Set-Cookie headers with ", "). */
  take(headers: Record<string, string>): void {
    const header = headers['set-cookie'];
    if (!header) return;
    for (const cookie of header.split(/, (?=[A-Za-z0-9_-]+=)/)) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/Max-Age=0\b/i.test(cookie) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The hidden fields of the page's form, as a browser would post them. */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    fields[unescapeHtml(m[1]!)] = unescapeHtml(m[2]!);
  return fields;
}

/** The authorization request URL of a client (RFC 6749 §4.1.1 with RFC 7636 §4.3). */
export function authorizeUrl(
  server: TestServer,
  client: CodeClient,
  pkce: Pkce,
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: client.consumerKey,
    redirect_uri: client.redirectUri,
    state: 'xyz-state',
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  return `${server.management}/oauth2/authorize?${q}`;
}
