// RFC 8414 §3: "Authorization servers supporting metadata MUST make a JSON document containing
// metadata ... available at a path formed by inserting a well-known URI string into the
// authorization server's issuer identifier". §3.3: "The "issuer" value returned MUST be
// identical to the authorization server's issuer identifier value into which the well-known URI
// string was inserted". A third-party client (openid-client) then completes the password and
// refresh flows using only the discovered metadata.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as oidc from 'openid-client';
import { fetch as undiciFetch } from 'undici';
import { call, createFixture, startTestServer, type TestServer } from '../helpers/tollgate.js';

describe('authorization server metadata (RFC 8414) and a third-party client', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.close());

  it('publishes the endpoints, grants and auth methods (R39), the authorization endpoint with PKCE S256 and iss (RFC 9207 §3)', async () => {
    const r = await call(server, `${server.management}/.well-known/oauth-authorization-server`);
    assert.equal(r.status, 200);
    const iss = server.config.token.issuer;
    assert.equal(iss, server.management);
    const withPublic = ['client_secret_basic', 'client_secret_post', 'none'];
    assert.deepEqual(r.json, {
      issuer: iss,
      authorization_endpoint: `${iss}/oauth2/authorize`,
      token_endpoint: `${iss}/oauth2/token`,
      jwks_uri: `${iss}/oauth2/jwks`,
      revocation_endpoint: `${iss}/oauth2/revoke`,
      introspection_endpoint: `${iss}/oauth2/introspect`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
      grant_types_supported: [
        'password',
        'client_credentials',
        'refresh_token',
        'authorization_code',
      ],
      token_endpoint_auth_methods_supported: withPublic,
      revocation_endpoint_auth_methods_supported: withPublic,
      introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: ['default'],
    });
  });

  it('openid-client discovers the server and completes the password and refresh flows', async () => {
    const fx = await createFixture(server, { tokenType: 'jwt' });
    const customFetch = ((url: string, options: Record<string, unknown>) =>
      undiciFetch(url, {
        ...options,
        dispatcher: server.dispatcher,
      } as never)) as unknown as oidc.CustomFetch;
    const config = await oidc.discovery(
      new URL(server.management),
      fx.consumerKey,
      fx.consumerSecret,
      oidc.ClientSecretBasic(),
      {
        algorithm: 'oauth2',
        [oidc.customFetch]: customFetch,
      },
    );
    const first = await oidc.genericGrantRequest(config, 'password', {
      username: fx.username,
      password: fx.password,
    });
    assert.equal(first.token_type, 'bearer');
    assert.equal(first.scope, 'default');
    assert.ok(first.refresh_token);
    const renewed = await oidc.refreshTokenGrant(config, first.refresh_token);
    assert.ok(renewed.access_token);
    assert.notEqual(renewed.refresh_token, first.refresh_token);
    const info = await oidc.tokenIntrospection(config, renewed.access_token);
    assert.equal(info.active, true);
    assert.equal(info.username, fx.username);
    await oidc.tokenRevocation(config, renewed.access_token);
    assert.equal((await oidc.tokenIntrospection(config, renewed.access_token)).active, false);
  });
});
