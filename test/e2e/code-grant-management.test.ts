// The Code grant in the Developer Portal REST, the Admin REST and the CLI (issue #12): Generate
// Keys takes callback URLs, the Code grant and the client type; the keys show how to start the
// flow; a user lists and revokes the applications they authorized; an admin marks an
// application first-party.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CookieJar, hiddenFields, newPkce } from '../helpers/code-flow.js';
import { tollgate } from '../helpers/process.js';
import { basic, call, postForm, startTestServer, type TestServer } from '../helpers/tollgate.js';
import { ADMIN } from '../protection/helpers.js';

describe('the Code grant in the Developer Portal REST, the Admin REST and the CLI', () => {
  let server: TestServer;
  const alice = basic('alice', 'alice correct horse');
  const bob = basic('bob', 'bob correct horse');
  let appId: string;
  let consumerKey: string;
  let consumerSecret: string;
  const callback = 'https://pizza.example.com/callback';

  const rest = (method: string, path: string, auth: string, body?: unknown) =>
    call(server, `${server.management}${path}`, {
      method,
      headers: {
        authorization: auth,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  before(async () => {
    server = await startTestServer();
    await server.services.users.create({ username: 'alice', password: 'alice correct horse' });
    await server.services.users.create({ username: 'bob', password: 'bob correct horse' });
    const created = await rest('POST', '/api/devportal/v1/applications', alice, {
      name: 'PizzaWeb',
    });
    appId = created.json.id;
    mkdirSync(join(server.home, 'conf'), { recursive: true });
    writeFileSync(
      join(server.home, 'conf', 'deployment.toml'),
      `[database]\npath = ${JSON.stringify(server.database.config.path)}\n`,
    );
  });
  after(() => server?.close());

  it('Generate Keys refuses the Code grant without a callback URL and a callback URL it cannot trust', async () => {
    const keys = `/api/devportal/v1/applications/${appId}/keys/production`;
    const none = await rest('POST', keys, alice, { grantTypes: ['authorization_code'] });
    assert.equal(none.status, 400);
    assert.match(none.json.description, /Code grant needs at least one callback URL/);
    for (const [url, why] of [
      ['http://pizza.example.com/cb', /only for the loopback interface/],
      ['javascript:alert(1)', /not allowed/],
      ['https://pizza.example.com/cb#x', /fragment/],
    ] as const) {
      const r = await rest('POST', keys, alice, {
        grantTypes: ['authorization_code'],
        callbackUrls: [url],
      });
      assert.equal(r.status, 400, url);
      assert.match(r.json.description, why);
    }
  });

  it('Generate Keys with the Code grant, callback URLs and a client type; the keys show how to start the flow', async () => {
    const r = await rest('POST', `/api/devportal/v1/applications/${appId}/keys/production`, alice, {
      grantTypes: ['authorization_code', 'refresh_token'],
      callbackUrls: [callback, 'com.example.pizza:/cb'],
      publicClient: false,
    });
    assert.equal(r.status, 201, r.text);
    consumerKey = r.json.consumerKey;
    consumerSecret = r.json.consumerSecret;
    assert.deepEqual(r.json.callbackUrls, [callback, 'com.example.pizza:/cb']);
    assert.equal(r.json.publicClient, false);
    const shown = await rest('GET', `/api/devportal/v1/applications/${appId}/keys`, alice);
    assert.deepEqual(shown.json.grantTypes, ['authorization_code', 'refresh_token']);
    const flow = shown.json.production.codeFlow;
    const url = new URL(flow.authorizationUrl);
    assert.equal(url.origin + url.pathname, `${server.management}/oauth2/authorize`);
    assert.equal(url.searchParams.get('client_id'), consumerKey);
    assert.equal(url.searchParams.get('redirect_uri'), callback);
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.match(flow.tokenRequest, /grant_type=authorization_code&code=CODE/);
    assert.match(flow.tokenRequest, new RegExp(`-u "${consumerKey}:CONSUMER_SECRET"`));

    const pub = await rest(
      'PUT',
      `/api/devportal/v1/applications/${appId}/keys/production`,
      alice,
      {
        publicClient: true,
      },
    );
    assert.equal(pub.json.publicClient, true);
    const again = await rest('GET', `/api/devportal/v1/applications/${appId}/keys`, alice);
    assert.match(again.json.production.codeFlow.tokenRequest, /-d "client_id=/);
    await rest('PUT', `/api/devportal/v1/applications/${appId}/keys/production`, alice, {
      publicClient: false,
    });
  });

  /** Bob signs in through PizzaWeb and allows it; returns his access token. */
  async function bobAuthorizes(): Promise<string> {
    const pkce = newPkce();
    const jar = new CookieJar();
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: consumerKey,
      redirect_uri: callback,
      state: 's',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    });
    const page = await call(server, `${server.management}/oauth2/authorize?${q}`);
    jar.take(page.headers);
    const signIn = await postForm(
      server,
      `${server.management}/oauth2/authorize/sign-in`,
      { ...hiddenFields(page.text), username: 'bob', password: 'bob correct horse' },
      jar.header(),
    );
    jar.take(signIn.headers);
    let location = signIn.headers['location'];
    if (!location) {
      const consent = await postForm(
        server,
        `${server.management}/oauth2/authorize/consent`,
        { ...hiddenFields(signIn.text), decision: 'allow' },
        jar.header(),
      );
      location = consent.headers['location'];
    }
    const code = new URL(location!).searchParams.get('code')!;
    const token = await postForm(
      server,
      `${server.gateway}/token`,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: callback,
        code_verifier: pkce.verifier,
      },
      { authorization: basic(consumerKey, consumerSecret) },
    );
    assert.equal(token.status, 200, token.text);
    return token.json.access_token;
  }

  it('lists the applications a user authorized; revoking asks again and stops their tokens', async () => {
    const token = await bobAuthorizes();
    const consents = await rest('GET', '/api/devportal/v1/consents', bob);
    assert.equal(consents.status, 200);
    assert.equal(consents.json.list.length, 1);
    assert.deepEqual(
      { ...consents.json.list[0], grantedAt: 0 },
      {
        applicationId: appId,
        applicationName: 'PizzaWeb',
        owner: 'alice',
        scopes: ['default'],
        grantedAt: 0,
      },
    );
    assert.deepEqual((await rest('GET', '/api/devportal/v1/consents', alice)).json.list, []);
    const introspect = () =>
      postForm(
        server,
        `${server.management}/oauth2/introspect`,
        { token },
        { authorization: basic(consumerKey, consumerSecret) },
      );
    assert.equal((await introspect()).json.active, true);
    const revoke = await rest('DELETE', `/api/devportal/v1/consents/${appId}`, bob);
    assert.equal(revoke.status, 204);
    assert.deepEqual((await introspect()).json, { active: false });
    assert.equal((await rest('DELETE', `/api/devportal/v1/consents/${appId}`, bob)).status, 404);
    assert.deepEqual((await rest('GET', '/api/devportal/v1/consents', bob)).json.list, []);
  });

  it('an admin lists applications and marks one first-party; others may not', async () => {
    const list = await rest('GET', '/api/admin/v1/applications', ADMIN);
    const mine = list.json.list.find((a: { id: string }) => a.id === appId);
    assert.equal(mine.firstParty, false);
    assert.equal(mine.owner, 'alice');
    assert.equal(
      (await rest('PUT', `/api/admin/v1/applications/${appId}`, alice, { firstParty: true }))
        .status,
      403,
    );
    const r = await rest('PUT', `/api/admin/v1/applications/${appId}`, ADMIN, { firstParty: true });
    assert.equal(r.status, 200);
    assert.equal(r.json.firstParty, true);
    await bobAuthorizes();
    assert.deepEqual(
      (await rest('GET', '/api/devportal/v1/consents', bob)).json.list,
      [],
      'no consent asked, none recorded',
    );
    assert.equal(
      (await rest('PUT', `/api/admin/v1/applications/nope`, ADMIN, { firstParty: true })).status,
      404,
    );
  });

  it('the CLI creates an application with callback URLs and a client type, shows the flow, marks first-party', () => {
    const created = tollgate(
      server.home,
      'app',
      'create',
      'PizzaNative',
      '--owner',
      'alice',
      '--grant-types',
      'authorization_code,refresh_token',
      '--callback-url',
      'http://127.0.0.1/native',
      '--callback-url',
      'com.example.pizza:/cb',
      '--public',
      '--json',
    );
    assert.equal(created.status, 0, created.stderr);
    const app = JSON.parse(created.stdout);
    assert.deepEqual(app.callbackUrls, ['http://127.0.0.1/native', 'com.example.pizza:/cb']);
    assert.equal(app.publicClient, true);
    const bad = tollgate(
      server.home,
      'app',
      'update',
      'PizzaNative',
      '--owner',
      'alice',
      '--callback-url',
      'http://evil.example/cb',
    );
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /only for the loopback interface/);
    assert.equal(
      tollgate(server.home, 'keys', 'generate', 'PizzaNative', '--owner', 'alice').status,
      0,
    );
    const shown = tollgate(server.home, 'keys', 'show', 'PizzaNative', '--owner', 'alice');
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /Start the Code flow/);
    assert.match(shown.stdout, /oauth2\/authorize\?response_type=code&client_id=/);
    assert.match(shown.stdout, /-d "client_id=/);
    const marked = tollgate(server.home, 'app', 'first-party', 'PizzaNative', '--owner', 'alice');
    assert.equal(marked.status, 0, marked.stderr);
    assert.match(marked.stdout, /is first-party/);
    const help = tollgate(server.home, 'app', 'create', '--help');
    assert.match(help.stdout, /authorization_code/);
    assert.match(help.stdout, /--callback-url/);
  });
});
