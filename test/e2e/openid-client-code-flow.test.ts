// The authorization code flow with PKCE driven by openid-client, a client nobody here wrote
// (issue #12): discovery (RFC 8414), the authorization URL with an S256 challenge, signing in
// and consenting over HTTP with a cookie jar as a browser would, the code exchange (which checks
// state and iss, RFC 9207), refresh with rotation, introspection; a public client too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as oidc from 'openid-client';
import { fetch as undiciFetch } from 'undici';
import {
  CookieJar,
  createCodeClient,
  hiddenFields,
  type CodeClient,
} from '../helpers/code-flow.js';
import { call, postForm, startTestServer, type TestServer } from '../helpers/tollgate.js';

describe('openid-client completes the authorization code flow with PKCE', () => {
  let server: TestServer;
  let customFetch: oidc.CustomFetch;

  before(async () => {
    server = await startTestServer();
    await server.services.stores.scopes.upsert(
      { name: 'read', description: 'Read the menu', roles: [] },
      Date.now(),
    );
    customFetch = ((url: string, options: Record<string, unknown>) =>
      undiciFetch(url, { ...options, dispatcher: server.dispatcher } as never)) as never;
  });
  after(() => server?.close());

  /** A browser at the authorization URL: sign in, allow, and the URL it is sent back to. */
  async function browse(url: URL, client: CodeClient): Promise<URL> {
    const jar = new CookieJar();
    const page = await call(server, url.href);
    assert.equal(page.status, 200, page.text);
    jar.take(page.headers);
    const consent = await postForm(
      server,
      `${server.management}/oauth2/authorize/sign-in`,
      { ...hiddenFields(page.text), username: client.username, password: client.password },
      jar.header(),
    );
    assert.equal(consent.status, 200, consent.text);
    jar.take(consent.headers);
    const back = await postForm(
      server,
      `${server.management}/oauth2/authorize/consent`,
      { ...hiddenFields(consent.text), decision: 'allow' },
      jar.header(),
    );
    assert.equal(back.status, 303, back.text);
    return new URL(back.headers['location']!);
  }

  async function run(client: CodeClient, auth: oidc.ClientAuth, secret?: string) {
    const config = await oidc.discovery(
      new URL(server.management),
      client.consumerKey,
      secret,
      auth,
      { algorithm: 'oauth2', [oidc.customFetch]: customFetch },
    );
    assert.equal(
      config.serverMetadata().authorization_endpoint,
      `${server.management}/oauth2/authorize`,
    );
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: client.redirectUri,
      scope: 'read',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    const callback = await browse(url, client);
    assert.equal(callback.searchParams.get('iss'), server.config.token.issuer);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    assert.equal(tokens.token_type, 'bearer');
    assert.equal(tokens.scope, 'read');
    assert.ok(tokens.refresh_token);
    const renewed = await oidc.refreshTokenGrant(config, tokens.refresh_token);
    assert.notEqual(renewed.refresh_token, tokens.refresh_token, 'the refresh token rotates');
    return { config, tokens: renewed };
  }

  it('a confidential client: discovery, PKCE, sign-in, consent, code exchange, refresh, introspection', async () => {
    const client = await createCodeClient(server, { tokenType: 'jwt' });
    const { config, tokens } = await run(client, oidc.ClientSecretBasic(), client.consumerSecret);
    const info = await oidc.tokenIntrospection(config, tokens.access_token);
    assert.equal(info.active, true);
    assert.equal(info.username, client.username);
    assert.equal(info.client_id, client.consumerKey);
    assert.equal(info.scope, 'read');
    await oidc.tokenRevocation(config, tokens.access_token);
    assert.equal((await oidc.tokenIntrospection(config, tokens.access_token)).active, false);
  });

  it('a public client (token_endpoint_auth_method none): the same flow without a secret', async () => {
    const client = await createCodeClient(server, {
      publicClient: true,
      callbackUrls: ['com.example.pizza:/oauth2redirect'],
    });
    const { tokens } = await run(client, oidc.None());
    assert.ok(tokens.access_token);
    const introspect = await postForm(
      server,
      `${server.management}/oauth2/introspect`,
      { token: tokens.access_token },
      { authorization: client.authorization },
    );
    assert.equal(introspect.json.active, true);
  });
});
