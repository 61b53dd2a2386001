// RFC 6749 §4.1.3: "The authorization server MUST: require client authentication for
// confidential clients ..., ensure that the authorization code was issued to the authenticated
// confidential client, or if the client is public, ensure that the code was issued to
// "client_id" in the request, verify that the authorization code is valid, and ensure that the
// "redirect_uri" parameter is present if the "redirect_uri" parameter was included in the
// initial authorization request ..., and if included ensure that their values are identical."
// §4.1.2: "The client MUST NOT use the authorization code more than once. If an authorization
// code is used more than once, the authorization server MUST deny the request and SHOULD revoke
// (when possible) all tokens previously issued based on that authorization code."
// RFC 7636 §4.6: "If the values are equal, the token endpoint MUST continue processing as
// normal ... If the values are not equal, an error response indicating "invalid_grant" ...
// MUST be returned." RFC 9700 §2.1.1: PKCE downgrade must not be possible.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCodeClient, issueCode, newPkce, type CodeClient } from '../helpers/code-flow.js';
import { postForm, startTestServer, type TestServer } from '../helpers/tollgate.js';

const INVALID = {
  error: 'invalid_grant',
  error_description: 'The authorization code is invalid, expired or already used.',
};

for (const db of ['sqlite', 'postgres'] as const) {
  describe(`authorization_code grant at the token endpoint (${db})`, () => {
    let server: TestServer;
    let client: CodeClient;
    let url: string;

    const exchange = (
      form: Record<string, string>,
      headers: Record<string, string> = { authorization: client.authorization },
    ) => postForm(server, url, { grant_type: 'authorization_code', ...form }, headers);
    const introspect = async (token: string) =>
      (
        await postForm(
          server,
          `${server.management}/oauth2/introspect`,
          { token },
          { authorization: client.authorization },
        )
      ).json;

    before(async () => {
      server = await startTestServer({ db });
      url = `${server.management}/oauth2/token`;
      await server.services.stores.scopes.upsert(
        { name: 'read', description: '', roles: [] },
        Date.now(),
      );
      await server.services.stores.scopes.upsert(
        { name: 'admin', description: '', roles: ['boss'] },
        Date.now(),
      );
      client = await createCodeClient(server, { tokenType: 'opaque' });
    });
    after(() => server?.close());

    it('exchanges a code with its verifier for tokens of the user, the scope the roles allow', async () => {
      const { code, pkce } = await issueCode(server, client, { scope: 'read admin' });
      const r = await exchange({
        code,
        redirect_uri: client.redirectUri,
        code_verifier: pkce.verifier,
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.deepEqual(Object.keys(r.json).sort(), [
        'access_token',
        'expires_in',
        'refresh_token',
        'scope',
        'token_type',
      ]);
      assert.equal(r.json.scope, 'read');
      const info = await introspect(r.json.access_token);
      assert.equal(info.active, true);
      assert.equal(info.username, client.username);
      assert.equal(info.client_id, client.consumerKey);
    });

    it('refuses a second use and revokes the tokens the first one got (§4.1.2)', async () => {
      const { code, pkce } = await issueCode(server, client);
      const form = { code, redirect_uri: client.redirectUri, code_verifier: pkce.verifier };
      const first = await exchange(form);
      assert.equal(first.status, 200);
      const again = await exchange(form);
      assert.equal(again.status, 400);
      assert.deepEqual(again.json, INVALID);
      assert.deepEqual(await introspect(first.json.access_token), { active: false });
      assert.deepEqual(await introspect(first.json.refresh_token), { active: false });
      const refresh = await postForm(
        server,
        url,
        { grant_type: 'refresh_token', refresh_token: first.json.refresh_token },
        { authorization: client.authorization },
      );
      assert.equal(refresh.status, 400);
    });

    it('of two simultaneous exchanges one gets tokens, and they are revoked as a replay', async () => {
      const { code, pkce } = await issueCode(server, client);
      const form = { code, redirect_uri: client.redirectUri, code_verifier: pkce.verifier };
      const results = await Promise.all([exchange(form), exchange(form)]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 400]);
      const won = results.find((r) => r.status === 200)!;
      assert.deepEqual(await introspect(won.json.access_token), { active: false });
    });

    it('refuses a code issued to another client, and leaves it usable by its own', async () => {
      const other = await createCodeClient(server);
      const { code, pkce } = await issueCode(server, client);
      const form = { code, redirect_uri: client.redirectUri, code_verifier: pkce.verifier };
      const stolen = await exchange(form, { authorization: other.authorization });
      assert.equal(stolen.status, 400);
      assert.deepEqual(stolen.json, INVALID);
      assert.equal((await exchange(form)).status, 200);
    });

    it('refuses a redirect_uri that differs in any way from the authorization request', async () => {
      const { code, pkce } = await issueCode(server, client);
      for (const redirect_uri of [
        `${client.redirectUri}/`,
        client.redirectUri.toUpperCase(),
        `${client.redirectUri}?x=1`,
        'https://client.example.com:8443/callback',
      ]) {
        const r = await exchange({ code, redirect_uri, code_verifier: pkce.verifier });
        assert.deepEqual([r.status, r.json], [400, INVALID], redirect_uri);
      }
      const missing = await exchange({ code, code_verifier: pkce.verifier });
      assert.equal(missing.status, 400);
      assert.equal(missing.json.error, 'invalid_request');
      const ok = await exchange({
        code,
        redirect_uri: client.redirectUri,
        code_verifier: pkce.verifier,
      });
      assert.equal(ok.status, 200, 'refusals do not consume the code');
    });

    it('verifies PKCE: a wrong verifier, the challenge itself (plain) or none is refused (RFC 7636 §4.6)', async () => {
      const { code, pkce } = await issueCode(server, client);
      const form = { code, redirect_uri: client.redirectUri };
      for (const code_verifier of [
        newPkce().verifier,
        pkce.challenge,
        'short',
        `${pkce.verifier}~`,
      ]) {
        const r = await exchange({ ...form, code_verifier });
        assert.deepEqual([r.status, r.json], [400, INVALID], code_verifier);
      }
      const downgrade = await exchange(form);
      assert.equal(downgrade.status, 400);
      assert.deepEqual(downgrade.json, {
        error: 'invalid_request',
        error_description: "The 'code_verifier' parameter is required.",
      });
      assert.equal((await exchange({ ...form, code_verifier: pkce.verifier })).status, 200);
    });

    it('refuses a code older than 60 seconds and an unknown one', async () => {
      const { code, pkce } = await issueCode(server, client, { now: Date.now() - 61_000 });
      const late = await exchange({
        code,
        redirect_uri: client.redirectUri,
        code_verifier: pkce.verifier,
      });
      assert.deepEqual([late.status, late.json], [400, INVALID]);
      const unknown = await exchange({
        code: 'x'.repeat(43),
        redirect_uri: client.redirectUri,
        code_verifier: pkce.verifier,
      });
      assert.deepEqual([unknown.status, unknown.json], [400, INVALID]);
    });

    it('answers unauthorized_client to an application without the Code grant', async () => {
      const { code, pkce } = await issueCode(server, client);
      const other = await createCodeClient(server, {
        grantTypes: ['password'],
        callbackUrls: ['https://client.example.com/callback'],
      });
      const r = await exchange(
        { code, redirect_uri: client.redirectUri, code_verifier: pkce.verifier },
        { authorization: other.authorization },
      );
      assert.equal(r.status, 400);
      assert.equal(r.json.error, 'unauthorized_client');
    });
  });
}

describe('public clients: client_id alone, only with PKCE, rotating refresh tokens (RFC 6749 §2.1, §3.2.1)', () => {
  let server: TestServer;
  let pub: CodeClient;
  let url: string;
  before(async () => {
    server = await startTestServer();
    url = `${server.management}/oauth2/token`;
    pub = await createCodeClient(server, {
      publicClient: true,
      grantTypes: ['authorization_code', 'refresh_token', 'password', 'client_credentials'],
      callbackUrls: ['com.example.app:/oauth2redirect', 'http://127.0.0.1/native'],
    });
  });
  after(() => server?.close());

  it('exchanges a code and refreshes with client_id in the body, and the refresh token rotates', async () => {
    const { code, pkce } = await issueCode(server, pub);
    const r = await postForm(server, url, {
      grant_type: 'authorization_code',
      client_id: pub.consumerKey,
      code,
      redirect_uri: pub.redirectUri,
      code_verifier: pkce.verifier,
    });
    assert.equal(r.status, 200, r.text);
    const renewed = await postForm(server, url, {
      grant_type: 'refresh_token',
      client_id: pub.consumerKey,
      refresh_token: r.json.refresh_token,
    });
    assert.equal(renewed.status, 200, renewed.text);
    assert.notEqual(renewed.json.refresh_token, r.json.refresh_token);
    const replay = await postForm(server, url, {
      grant_type: 'refresh_token',
      client_id: pub.consumerKey,
      refresh_token: r.json.refresh_token,
    });
    assert.equal(replay.status, 400);
    assert.equal(replay.json.error, 'invalid_grant');
  });

  it('revokes its refresh token with client_id alone (RFC 7009 §2.1, §5)', async () => {
    const { code, pkce } = await issueCode(server, pub);
    const r = await postForm(server, url, {
      grant_type: 'authorization_code',
      client_id: pub.consumerKey,
      code,
      redirect_uri: pub.redirectUri,
      code_verifier: pkce.verifier,
    });
    const revoke = await postForm(server, `${server.management}/oauth2/revoke`, {
      client_id: pub.consumerKey,
      token: r.json.refresh_token,
    });
    assert.equal(revoke.status, 200);
    const after = await postForm(server, url, {
      grant_type: 'refresh_token',
      client_id: pub.consumerKey,
      refresh_token: r.json.refresh_token,
    });
    assert.equal(after.status, 400);
  });

  it('refuses client_id alone for other grants, for introspection, and for a confidential client', async () => {
    const unauthenticated = { error: 'invalid_client' };
    const password = await postForm(server, url, {
      grant_type: 'password',
      client_id: pub.consumerKey,
      username: pub.username,
      password: pub.password,
    });
    assert.equal(password.status, 401);
    assert.equal(password.json.error, unauthenticated.error);
    const cc = await postForm(server, url, {
      grant_type: 'client_credentials',
      client_id: pub.consumerKey,
    });
    assert.equal(cc.status, 401);
    const introspect = await postForm(server, `${server.management}/oauth2/introspect`, {
      client_id: pub.consumerKey,
      token: 'x',
    });
    assert.equal(introspect.status, 401);

    const confidential = await createCodeClient(server);
    const { code, pkce } = await issueCode(server, confidential);
    const r = await postForm(server, url, {
      grant_type: 'authorization_code',
      client_id: confidential.consumerKey,
      code,
      redirect_uri: confidential.redirectUri,
      code_verifier: pkce.verifier,
    });
    assert.equal(r.status, 401);
    assert.equal(r.json.error, 'invalid_client');
  });

  it('lets a native app registered at http://127.0.0.1/native use any port, and nothing else', async () => {
    const native = { ...pub, redirectUri: 'http://127.0.0.1:49152/native' };
    const { code, pkce } = await issueCode(server, native);
    const wrong = await postForm(server, url, {
      grant_type: 'authorization_code',
      client_id: pub.consumerKey,
      code,
      redirect_uri: 'http://127.0.0.1:49153/native',
      code_verifier: pkce.verifier,
    });
    assert.equal(wrong.status, 400, 'the code is bound to the port of its request');
    const r = await postForm(server, url, {
      grant_type: 'authorization_code',
      client_id: pub.consumerKey,
      code,
      redirect_uri: native.redirectUri,
      code_verifier: pkce.verifier,
    });
    assert.equal(r.status, 200, r.text);
  });
});
