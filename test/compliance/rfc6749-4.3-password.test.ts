// RFC 6749 §4.3.2: "The client makes a request to the token endpoint by adding the following
// parameters using the application/x-www-form-urlencoded format ... grant_type REQUIRED. Value
// MUST be set to "password". username REQUIRED. password REQUIRED. scope OPTIONAL." ... "the
// authorization server MUST: require client authentication for confidential clients ...
// validate the resource owner password credentials".
// §5.2: invalid_grant when "the provided authorization grant (e.g., ... resource owner
// credentials) ... is invalid"; invalid_client with 401 and WWW-Authenticate for Basic.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  basic,
  createFixture,
  postForm,
  startTestServer,
  type Fixture,
  type TestServer,
} from '../helpers/tollgate.js';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

function assertNoStore(headers: Record<string, string>) {
  assert.equal(headers['cache-control'], NO_STORE['cache-control']);
  assert.equal(headers['pragma'], NO_STORE.pragma);
}

for (const db of ['sqlite', 'postgres'] as const) {
  describe(`password grant over HTTPS (${db})`, () => {
    let server: TestServer;
    let fx: Fixture;
    let token: string;

    before(async () => {
      server = await startTestServer({ db });
      token = `${server.gateway}/token`;
      fx = await createFixture(server, { roles: ['editor'], tokenType: 'opaque' });
      await server.services.stores.scopes.upsert(
        { name: 'read', description: '', roles: [] },
        Date.now(),
      );
      await server.services.stores.scopes.upsert(
        { name: 'update', description: '', roles: ['editor'] },
        Date.now(),
      );
      await server.services.stores.scopes.upsert(
        { name: 'delete', description: '', roles: ['admin'] },
        Date.now(),
      );
    });
    after(() => server?.close());

    it('issues scope default, Bearer, 3600 s, a refresh and an access token, not cacheable', async () => {
      const r = await postForm(
        server,
        token,
        { grant_type: 'password', username: fx.username, password: fx.password },
        { authorization: fx.authorization },
      );
      assert.equal(r.status, 200);
      assertNoStore(r.headers);
      assert.deepEqual(Object.keys(r.json), [
        'scope',
        'token_type',
        'expires_in',
        'refresh_token',
        'access_token',
      ]);
      assert.deepEqual(
        { ...r.json, refresh_token: 'x', access_token: 'x' },
        {
          scope: 'default',
          token_type: 'Bearer',
          expires_in: 3600,
          refresh_token: 'x',
          access_token: 'x',
        },
      );
      // 256 random bits behind the issue time (12 hex digits, keymanager/secrets.ts).
      assert.match(r.json.access_token, /^[0-9a-f]{12}[A-Za-z0-9_-]{43}$/);
      assert.notEqual(r.json.access_token, r.json.refresh_token);
    });

    it('answers the same on the Key Manager endpoint /oauth2/token', async () => {
      const r = await postForm(
        server,
        `${server.management}/oauth2/token`,
        { grant_type: 'password', username: fx.username, password: fx.password },
        { authorization: fx.authorization },
      );
      assert.equal(r.status, 200);
      assert.equal(r.json.token_type, 'Bearer');
    });

    it("grants only the scopes the user's roles allow (PRODUCT.md item 4)", async () => {
      const r = await postForm(
        server,
        token,
        {
          grant_type: 'password',
          username: fx.username,
          password: fx.password,
          scope: 'read update delete unknown',
        },
        { authorization: fx.authorization },
      );
      assert.equal(r.status, 200);
      assert.equal(r.json.scope, 'read update');
      const none = await postForm(
        server,
        token,
        { grant_type: 'password', username: fx.username, password: fx.password, scope: 'delete' },
        { authorization: fx.authorization },
      );
      assert.equal(none.json.scope, 'default');
    });

    it('every password grant issues a new access token', async () => {
      const form = { grant_type: 'password', username: fx.username, password: fx.password };
      const a = await postForm(server, token, form, { authorization: fx.authorization });
      const b = await postForm(server, token, form, { authorization: fx.authorization });
      assert.notEqual(a.json.access_token, b.json.access_token);
    });

    it('gives one answer for a wrong password, an unknown user and a disabled user (R19)', async () => {
      const other = await createFixture(server, { username: `dis${Date.now()}` });
      await server.services.users.setStatus(other.username, 'disabled');
      const answers = [];
      for (const [username, password] of [
        [fx.username, 'wrong password!'],
        ['no-such-user', 'whatever-pw'],
        [other.username, other.password],
      ]) {
        const r = await postForm(
          server,
          token,
          { grant_type: 'password', username: username!, password: password! },
          { authorization: fx.authorization },
        );
        answers.push({
          status: r.status,
          body: r.json,
          type: r.headers['content-type'],
          cache: r.headers['cache-control'],
          www: r.headers['www-authenticate'],
        });
      }
      const expected = {
        status: 400,
        body: { error: 'invalid_grant', error_description: 'The user credentials are invalid.' },
        type: 'application/json; charset=utf-8',
        cache: 'no-store',
        www: undefined,
      };
      assert.deepEqual(answers, [expected, expected, expected]);
    });

    it('requires username and password before any lookup (R18)', async () => {
      for (const form of <Record<string, string>[]>[
        { grant_type: 'password', password: 'x' },
        { grant_type: 'password', username: fx.username },
        { grant_type: 'password', username: fx.username, password: '' },
      ]) {
        const r = await postForm(server, token, form, { authorization: fx.authorization });
        assert.equal(r.status, 400);
        assert.equal(r.json.error, 'invalid_request');
        assertNoStore(r.headers);
      }
    });

    it('refuses CR/LF and NUL in credentials (R26)', async () => {
      for (const password of ['a\r\nb', 'a\0b']) {
        const r = await postForm(
          server,
          token,
          { grant_type: 'password', username: fx.username, password },
          { authorization: fx.authorization },
        );
        assert.deepEqual([r.status, r.json.error], [400, 'invalid_request']);
      }
    });

    it('401 invalid_client with WWW-Authenticate: Basic for a wrong secret or unknown client (R13, R14)', async () => {
      const wrongSecret = await postForm(
        server,
        token,
        { grant_type: 'password', username: fx.username, password: fx.password },
        { authorization: basic(fx.consumerKey, 'nope') },
      );
      const unknown = await postForm(
        server,
        token,
        { grant_type: 'password', username: fx.username, password: fx.password },
        { authorization: basic('unknown-client', 'nope') },
      );
      for (const r of [wrongSecret, unknown]) {
        assert.equal(r.status, 401);
        assert.match(r.headers['www-authenticate'] ?? '', /^Basic realm="tollgate"/);
        assert.deepEqual(r.json, {
          error: 'invalid_client',
          error_description: 'Client authentication failed.',
        });
        assertNoStore(r.headers);
      }
    });

    it('accepts client credentials in the body too (R11), but not two methods at once (R12)', async () => {
      const body = await postForm(server, token, {
        grant_type: 'password',
        username: fx.username,
        password: fx.password,
        client_id: fx.consumerKey,
        client_secret: fx.consumerSecret,
      });
      assert.equal(body.status, 200);
      const both = await postForm(
        server,
        token,
        {
          grant_type: 'password',
          username: fx.username,
          password: fx.password,
          client_secret: fx.consumerSecret,
        },
        { authorization: fx.authorization },
      );
      assert.deepEqual([both.status, both.json.error], [400, 'invalid_request']);
    });

    it('refuses duplicated parameters (R6) and ignores unknown ones (R5)', async () => {
      const dup = await postForm(
        server,
        token,
        `grant_type=password&username=${fx.username}&username=${fx.username}&password=${encodeURIComponent(fx.password)}`,
        { authorization: fx.authorization },
      );
      assert.deepEqual([dup.status, dup.json.error], [400, 'invalid_request']);
      const extra = await postForm(
        server,
        token,
        { grant_type: 'password', username: fx.username, password: fx.password, foo: 'bar' },
        { authorization: fx.authorization },
      );
      assert.equal(extra.status, 200);
    });

    it('answers unauthorized_client when the application may not use the password grant (R21)', async () => {
      const cc = await createFixture(server, { grantTypes: ['client_credentials'] });
      const r = await postForm(
        server,
        token,
        { grant_type: 'password', username: fx.username, password: fx.password },
        { authorization: cc.authorization },
      );
      assert.deepEqual([r.status, r.json.error], [400, 'unauthorized_client']);
    });

    it('rejects a malformed scope with invalid_scope (R25)', async () => {
      const r = await postForm(
        server,
        token,
        { grant_type: 'password', username: fx.username, password: fx.password, scope: 'read "x"' },
        { authorization: fx.authorization },
      );
      assert.deepEqual([r.status, r.json.error], [400, 'invalid_scope']);
    });

    it('records the user for "Registered Users for Application"', async () => {
      const app = await server.services.applications.get(
        (await server.services.users.get(fx.username)).id,
        (
          await server.services.applications.list((await server.services.users.get(fx.username)).id)
        )[0]!.name,
      );
      const users = await server.services.applications.registeredUsers(app);
      assert.equal(users.length, 1);
      assert.ok(users[0]!.tokenCount >= 5);
    });
  });
}

describe('password grant switched off in deployment.toml (PRODUCT.md item 7)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ settings: { 'oauth.grant_type.password.enable': false } });
  });
  after(() => server?.close());

  it('answers unsupported_grant_type and leaves it out of the metadata', async () => {
    const fx = await createFixture(server);
    const r = await postForm(
      server,
      `${server.gateway}/token`,
      { grant_type: 'password', username: fx.username, password: fx.password },
      { authorization: fx.authorization },
    );
    assert.equal(r.status, 400);
    assert.deepEqual(r.json, {
      error: 'unsupported_grant_type',
      error_description: "The 'password' grant type is not supported.",
    });
    const cc = await postForm(
      server,
      `${server.gateway}/token`,
      { grant_type: 'client_credentials' },
      { authorization: fx.authorization },
    );
    assert.equal(cc.status, 200);
  });
});
