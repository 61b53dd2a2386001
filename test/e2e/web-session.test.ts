// The management REST API as the web UIs use it: session cookie flags, CSRF refusal, session
// expiry (idle and absolute, on an injected clock), admin-only routes, the runtime switches.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  basic,
  call,
  createFixture,
  postForm,
  startTestServer,
  type HttpResult,
  type TestServer,
} from '../helpers/tollgate.js';

const ADMIN = { username: 'admin', password: 'Admin-Password-For-Tests' };

describe('web sessions and management REST', () => {
  let server: TestServer;
  let clock = Date.now();
  const json = { 'content-type': 'application/json' };
  let origin: string;

  before(async () => {
    server = await startTestServer({
      now: () => clock,
      settings: { 'ui.session.idle_timeout': 600, 'ui.session.absolute_timeout': 3600 },
    });
    origin = server.management;
    await server.services.users.create({
      username: 'dave',
      password: 'dave-s3cret-pw!',
      roles: [],
    });
  });
  after(async () => server?.close());

  async function signIn(who: {
    username: string;
    password: string;
  }): Promise<{ cookie: string; csrf: string; res: HttpResult }> {
    const res = await call(server, `${server.management}/api/session`, {
      method: 'POST',
      headers: { ...json, origin },
      body: JSON.stringify(who),
    });
    assert.equal(res.status, 201, res.text);
    return { cookie: res.headers['set-cookie']!.split(';')[0]!, csrf: res.json.csrfToken, res };
  }

  const withSession = (
    s: { cookie: string; csrf?: string },
    extra: Record<string, string> = {},
  ) => ({
    cookie: s.cookie,
    ...(s.csrf ? { 'x-csrf-token': s.csrf } : {}),
    ...extra,
  });

  it('sets a __Host- cookie that is HttpOnly, Secure and SameSite=Strict, and a new id on every sign-in', async () => {
    const a = await signIn(ADMIN);
    assert.match(
      a.res.headers['set-cookie']!,
      /^__Host-tollgate-session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=3600; Secure; HttpOnly; SameSite=Strict$/,
    );
    assert.equal(a.res.headers['cache-control'], 'no-store');
    const b = await call(server, `${server.management}/api/session`, {
      method: 'POST',
      headers: { ...json, origin, cookie: a.cookie },
      body: JSON.stringify(ADMIN),
    });
    const rotated = b.headers['set-cookie']!.split(';')[0]!;
    assert.notEqual(rotated, a.cookie);
    // The session presented at sign-in ended (no fixation).
    assert.deepEqual(
      (await call(server, `${server.management}/api/session`, { headers: { cookie: a.cookie } }))
        .json,
      { signedIn: false },
    );
    assert.equal(
      (await call(server, `${server.management}/api/session`, { headers: { cookie: rotated } }))
        .json.username,
      'admin',
    );
  });

  it('refuses a wrong password with one answer, and a sign-in posted from another origin', async () => {
    const wrong = await call(server, `${server.management}/api/session`, {
      method: 'POST',
      headers: { ...json, origin },
      body: JSON.stringify({ username: 'dave', password: 'nope-nope-nope' }),
    });
    assert.deepEqual(
      [wrong.status, wrong.json],
      [
        401,
        { code: 401, message: 'Unauthorized', description: 'The username or password is wrong.' },
      ],
    );
    assert.equal(wrong.headers['www-authenticate'], undefined);
    const cross = await call(server, `${server.management}/api/session`, {
      method: 'POST',
      headers: { ...json, origin: 'https://evil.example' },
      body: JSON.stringify(ADMIN),
    });
    assert.equal(cross.status, 403);
  });

  it('refuses unsafe requests without the CSRF token, with a wrong one, or from another origin', async () => {
    const s = await signIn({ username: 'dave', password: 'dave-s3cret-pw!' });
    const url = `${server.management}/api/devportal/v1/applications`;
    const body = JSON.stringify({ name: 'CsrfApp' });
    const noToken = await call(server, url, {
      method: 'POST',
      headers: { ...json, origin, cookie: s.cookie },
      body,
    });
    assert.deepEqual(
      [noToken.status, noToken.json.description],
      [403, 'The request lacks a valid CSRF token; reload the page and try again.'],
    );
    const badToken = await call(server, url, {
      method: 'POST',
      headers: { ...json, origin, ...withSession({ cookie: s.cookie, csrf: 'x'.repeat(43) }) },
      body,
    });
    assert.equal(badToken.status, 403);
    const crossSite = await call(server, url, {
      method: 'POST',
      headers: { ...json, origin: 'https://evil.example', ...withSession(s) },
      body,
    });
    assert.deepEqual(
      [crossSite.status, crossSite.json.description],
      [403, 'Cross-origin requests are refused.'],
    );
    const noOrigin = await call(server, url, {
      method: 'POST',
      headers: { ...json, ...withSession(s) },
      body,
    });
    assert.equal(noOrigin.status, 403);
    assert.equal((await call(server, url, { headers: { cookie: s.cookie } })).json.list.length, 0);
    const ok = await call(server, url, {
      method: 'POST',
      headers: { ...json, origin, ...withSession(s) },
      body,
    });
    assert.equal(ok.status, 201, ok.text);
    const signOut = await call(server, `${server.management}/api/session`, {
      method: 'DELETE',
      headers: { origin, cookie: s.cookie },
    });
    assert.equal(signOut.status, 403);
  });

  it('accepts HTTP Basic for scripts, without CSRF', async () => {
    const r = await call(server, `${server.management}/api/devportal/v1/applications`, {
      method: 'POST',
      headers: { ...json, authorization: basic('dave', 'dave-s3cret-pw!') },
      body: JSON.stringify({ name: 'ScriptApp', throttlingPolicy: '10PerMin' }),
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.throttlingPolicy, '10PerMin');
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const s = await signIn({ username: 'dave', password: 'dave-s3cret-pw!' });
    const whoami = () =>
      call(server, `${server.management}/api/session`, { headers: { cookie: s.cookie } });
    clock += 599_000;
    assert.equal((await whoami()).status, 200);
    clock += 599_000; // active: the idle window restarts at each request
    assert.equal((await whoami()).status, 200);
    clock += 601_000;
    const idle = await whoami();
    assert.deepEqual([idle.status, idle.json], [200, { signedIn: false }]);
    assert.match(idle.headers['set-cookie']!, /^__Host-tollgate-session=; /);
    const expired = await call(server, `${server.management}/api/devportal/v1/applications`, {
      headers: { cookie: s.cookie },
    });
    assert.deepEqual(
      [expired.status, expired.json.description],
      [401, 'You are not signed in, or your session has expired. Sign in again.'],
    );

    const t = await signIn({ username: 'dave', password: 'dave-s3cret-pw!' });
    for (let i = 0; i < 6; i++) {
      clock += 500_000;
      assert.equal(
        (await call(server, `${server.management}/api/session`, { headers: { cookie: t.cookie } }))
          .status,
        200,
      );
    }
    clock += 600_001; // past 3600 s since sign-in, though active
    assert.deepEqual(
      (await call(server, `${server.management}/api/session`, { headers: { cookie: t.cookie } }))
        .json,
      { signedIn: false },
    );
    const rest = await call(server, `${server.management}/api/devportal/v1/applications`, {
      headers: { cookie: t.cookie },
    });
    assert.equal(rest.status, 401);
  });

  it('refuses the admin REST API to a non-admin, by session and by Basic', async () => {
    const s = await signIn({ username: 'dave', password: 'dave-s3cret-pw!' });
    for (const path of [
      '/api/admin/v1/users',
      '/api/admin/v1/settings',
      '/api/admin/v1/statistics',
    ]) {
      const r = await call(server, `${server.management}${path}`, {
        headers: { cookie: s.cookie },
      });
      assert.deepEqual(
        [r.status, r.json],
        [403, { code: 403, message: 'Forbidden', description: 'You are not allowed to do this.' }],
      );
    }
    const put = await call(server, `${server.management}/api/admin/v1/settings`, {
      method: 'PUT',
      headers: { ...json, authorization: basic('dave', 'dave-s3cret-pw!') },
      body: JSON.stringify({ selfSignup: false }),
    });
    assert.equal(put.status, 403);
    assert.equal((await call(server, `${server.management}/api/admin/v1/users`)).status, 401);
  });

  it('honours the admin password-grant switch at request time (unsupported_grant_type)', async () => {
    const fx = await createFixture(server, { username: 'erin', password: 'erin-s3cret-pw!' });
    const grant = () =>
      postForm(
        server,
        `${server.gateway}/token`,
        { grant_type: 'password', username: 'erin', password: 'erin-s3cret-pw!' },
        { authorization: fx.authorization },
      );
    assert.equal((await grant()).status, 200);
    const s = await signIn(ADMIN);
    const off = await call(server, `${server.management}/api/admin/v1/settings`, {
      method: 'PUT',
      headers: { ...json, origin, ...withSession(s) },
      body: JSON.stringify({ passwordGrant: false }),
    });
    assert.deepEqual(off.json, {
      selfSignup: true,
      passwordGrant: false,
      anonymousCatalogue: true,
      selfSignupLockedByConfig: false,
      passwordGrantLockedByConfig: false,
      anonymousCatalogueLockedByConfig: false,
      defaults: { selfSignup: true, passwordGrant: true, anonymousCatalogue: true },
    });
    const refused = await grant();
    assert.deepEqual([refused.status, refused.json.error], [400, 'unsupported_grant_type']);
    await call(server, `${server.management}/api/admin/v1/settings`, {
      method: 'PUT',
      headers: { ...json, origin, ...withSession(s) },
      body: JSON.stringify({ passwordGrant: true }),
    });
    assert.equal((await grant()).status, 200);
  });

  it('self sign-up follows the admin switch', async () => {
    const signup = (username: string) =>
      call(server, `${server.management}/api/devportal/v1/signup`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username, password: 'frank-s3cret-pw!' }),
      });
    assert.equal((await signup('frank')).status, 201);
    assert.equal((await signup('frank')).status, 409);
    const s = await signIn(ADMIN);
    const setSignup = (on: boolean) =>
      call(server, `${server.management}/api/admin/v1/settings`, {
        method: 'PUT',
        headers: { ...json, origin, ...withSession(s) },
        body: JSON.stringify({ selfSignup: on }),
      });
    assert.equal((await setSignup(false)).status, 200);
    const refused = await signup('grace');
    assert.deepEqual([refused.status, refused.json.code], [403, 403]);
    assert.deepEqual((await call(server, `${server.management}/api/devportal/v1/signup`)).json, {
      enabled: false,
    });
    await setSignup(true);
  });

  it('serves the pages with a strict Content-Security-Policy and no framing', async () => {
    const r = await call(server, `${server.management}/devportal`);
    assert.equal(r.status, 200);
    assert.match(r.headers['content-security-policy']!, /script-src 'self';/);
    assert.match(r.headers['content-security-policy']!, /frame-ancestors 'none'/);
    assert.equal(r.headers['x-frame-options'], 'DENY');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.doesNotMatch(r.text, /<script>/);
    const doc = await call(server, `${server.management}/api/openapi.json`);
    assert.equal(doc.json.openapi, '3.1.0');
    for (const path of [
      '/api/devportal/v1/applications/{id}/keys/{env}/token',
      '/api/devportal/v1/subscriptions',
      '/api/publisher/v1/apis/{id}/lifecycle',
      '/api/publisher/v1/scopes/{name}',
      '/api/admin/v1/audit-events',
      '/api/admin/v1/users/{username}/unlock',
    ])
      assert.ok(doc.json.paths[path], path);
    assert.deepEqual(
      Object.keys(doc.json.paths['/api/publisher/v1/apis/{id}/openapi'].put.requestBody.content),
      ['application/yaml', 'application/json'],
    );
  });
});
