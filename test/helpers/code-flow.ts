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
