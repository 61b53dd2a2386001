// RFC 6749 §4.1.2.1: "If the request fails due to a missing, invalid, or mismatching
// redirection URI, or if the client identifier is missing or invalid, the authorization server
// SHOULD inform the resource owner of the error and MUST NOT automatically redirect the
// user-agent to the invalid redirection URI. If the resource owner denies the access request or
// if the request fails for reasons other than a missing or invalid redirection URI, the
// authorization server informs the client by adding the following parameters to the query
// component of the redirection URI": error, error_description, state.
// RFC 9207 §2: "the authorization server MUST include the iss parameter in the authorization
// response" (also in error responses). RFC 7636 §4.4.1: "If the server requires Proof Key for
// Code Exchange (PKCE) by OAuth public clients and the client does not send the
// "code_challenge" in the request, the authorization endpoint MUST return the authorization
// error response with the "error" value set to "invalid_request"." RFC 9700 §4.1.3: redirect
// URIs are compared by exact string matching. §4.1.2 of RFC 6749 and RFC 9700 §4.2.4: the
// pages are not framed and send no referrer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  authorizeUrl,
  CookieJar,
  createCodeClient,
  hiddenFields,
  newPkce,
  type CodeClient,
} from '../helpers/code-flow.js';
import {
  call,
  postForm,
  startTestServer,
  type HttpResult,
  type TestServer,
} from '../helpers/tollgate.js';
import { auditEvents } from '../protection/helpers.js';

describe('GET /oauth2/authorize: errors, sign-in, consent, codes (RFC 6749 §4.1, RFC 9207)', () => {
  let server: TestServer;
  let client: CodeClient;
  let iss: string;

  before(async () => {
    server = await startTestServer({
      settings: {
        'protection.ip_throttle.max_failures': 1000,
        'identity.account_locking.max_failed_attempts': 3,
      },
    });
    iss = server.config.token.issuer;
    await server.services.stores.scopes.upsert(
      { name: 'read', description: 'Read your orders', roles: [] },
      Date.now(),
    );
    await server.services.stores.scopes.upsert(
      { name: 'admin', description: 'Manage the shop', roles: ['boss'] },
      Date.now(),
    );
    client = await createCodeClient(server, {
      callbackUrls: ['https://client.example.com/callback', 'https://client.example.com/cb?x=1'],
    });
  });
  after(() => server?.close());

  const get = (url: string, jar?: CookieJar) =>
    call(server, url, { headers: jar ? jar.header() : {} });

  /** The redirect's query, checked to go to the given redirect URI. */
  function redirected(r: HttpResult, redirectUri = client.redirectUri): URLSearchParams {
    assert.ok(r.status === 302 || r.status === 303, `${r.status} ${r.text.slice(0, 300)}`);
    const location = r.headers['location']!;
    assert.ok(
      location.startsWith(`${redirectUri}${redirectUri.includes('?') ? '&' : '?'}`),
      location,
    );
    return new URL(location).searchParams;
  }

  function errorPage(r: HttpResult, text: RegExp) {
    assert.equal(r.status, 400, r.text);
    assert.equal(r.headers['location'], undefined, 'never redirected');
    assert.match(r.headers['content-type']!, /^text\/html/);
    assert.match(r.text, text);
  }

  it('shows an error page, never a redirect, for a missing, unknown or repeated client_id', async () => {
    const pkce = newPkce();
    const base = new URL(authorizeUrl(server, client, pkce));
    const without = new URL(base);
    without.searchParams.delete('client_id');
    errorPage(await get(without.href), /client_id parameter is missing/);
    const unknown = new URL(base);
    unknown.searchParams.set('client_id', 'no-such-client');
    errorPage(await get(unknown.href), /not a registered application/);
    errorPage(await get(`${base.href}&client_id=${client.consumerKey}`), /repeated/);
    errorPage(await get(`${base.href}&x=%zz`), /malformed/);
  });

  it('shows an error page for a redirect_uri that is missing or differs in any way', async () => {
    const pkce = newPkce();
    for (const redirect_uri of [
      'https://client.example.com/callback/',
      'https://CLIENT.example.com/callback',
      'https://client.example.com/Callback',
      'https://client.example.com/callback?extra=1',
      'https://client.example.com/cb?x=1&y=2',
      'https://client.example.com/callback#fragment',
      'https://user@client.example.com/callback',
      'https://client.example.com@evil.example/callback',
      'https://client.example.com:8443/callback',
      'http://client.example.com/callback',
      'https://evil.example/callback',
    ]) {
      const r = await get(authorizeUrl(server, client, pkce, { redirect_uri }));
      errorPage(r, /not one of the application&#39;s registered callback URLs/);
    }
    const missing = new URL(authorizeUrl(server, client, pkce));
    missing.searchParams.delete('redirect_uri');
    errorPage(await get(missing.href), /redirect_uri parameter is missing/);
  });

  it('sends every other error back to the redirect_uri with error, state and iss', async () => {
    const pkce = newPkce();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ response_type: 'token' }, 'unsupported_response_type', /response_type=code/],
      [{ response_type: 'code id_token' }, 'unsupported_response_type', /response_type=code/],
      [{ code_challenge_method: 'plain' }, 'invalid_request', /'plain' is not supported; use S256/],
      [{ code_challenge_method: 'S512' }, 'invalid_request', /use S256/],
      [{ code_challenge: 'too-short' }, 'invalid_request', /43 characters/],
      [{ code_challenge: pkce.verifier.slice(0, 42) + '=' }, 'invalid_request', /43 characters/],
      [{ scope: 'read "quoted"' }, 'invalid_scope', /illegal character/],
    ];
    for (const [extra, error, description] of cases) {
      const r = await get(authorizeUrl(server, client, pkce, extra));
      assert.notEqual(r.status, 200, JSON.stringify(extra));
      const q = redirected(r);
      assert.equal(q.get('error'), error, JSON.stringify(extra));
      assert.match(q.get('error_description')!, description);
      assert.equal(q.get('state'), 'xyz-state');
      assert.equal(q.get('iss'), iss);
    }
    const drop = async (name: string) => {
      const u = new URL(authorizeUrl(server, client, pkce));
      u.searchParams.delete(name);
      return redirected(await get(u.href));
    };
    assert.match((await drop('response_type')).get('error_description')!, /response_type/);
    assert.match((await drop('code_challenge')).get('error_description')!, /PKCE is required/);
    assert.match(
      (await drop('code_challenge_method')).get('error_description')!,
      /S256 is required/,
    );
    const stateless = new URL(authorizeUrl(server, client, pkce, { response_type: 'token' }));
    stateless.searchParams.delete('state');
    const noState = redirected(await get(stateless.href));
    assert.equal(noState.get('error'), 'unsupported_response_type');
    assert.equal(noState.has('state'), false);
    assert.equal(noState.get('iss'), iss);
    const twice = redirected(await get(`${authorizeUrl(server, client, pkce)}&scope=a&scope=b`));
    assert.equal(twice.get('error'), 'invalid_request');
    assert.match(twice.get('error_description')!, /'scope' parameter is repeated/);
    // A registered query component is kept (RFC 6749 §3.1.2).
    const withQuery = { ...client, redirectUri: 'https://client.example.com/cb?x=1' };
    const kept = redirected(
      await get(authorizeUrl(server, withQuery, pkce, { response_type: 'token' })),
      withQuery.redirectUri,
    );
    assert.equal(kept.get('x'), '1');
  });

  it('answers unauthorized_client, by redirect, to an application without the Code grant', async () => {
    const noCode = await createCodeClient(server, {
      grantTypes: ['password'],
      callbackUrls: ['https://other.example.com/cb'],
    });
    const q = redirected(await get(authorizeUrl(server, noCode, newPkce())), noCode.redirectUri);
    assert.equal(q.get('error'), 'unauthorized_client');
    assert.equal(q.get('iss'), iss);
  });

  it('shows the sign-in page: not framed, no referrer, not cached, with a CSRF cookie', async () => {
    const r = await get(authorizeUrl(server, client, newPkce()));
    assert.equal(r.status, 200);
    assert.match(r.text, /<h1>Sign in<\/h1>/);
    assert.match(r.text, new RegExp(`<strong>${client.appName}</strong> asks you to sign in`));
    assert.match(r.headers['content-security-policy']!, /frame-ancestors 'none'/);
    assert.match(
      r.headers['content-security-policy']!,
      /form-action 'self' https:\/\/client\.example\.com;/,
    );
    assert.equal(r.headers['x-frame-options'], 'DENY');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.match(
      r.headers['set-cookie']!,
      /^__Host-tollgate-authorize=[\w-]{43}; Path=\/;.*Secure; HttpOnly; SameSite=Strict/,
    );
    const fields = hiddenFields(r.text);
    assert.equal(fields['client_id'], client.consumerKey);
    assert.equal(fields['state'], 'xyz-state');
  });

  /** Opens the authorization URL and posts the sign-in form as a browser would. */
  async function signIn(
    jar: CookieJar,
    url: string,
    username: string,
    password: string,
    headers: Record<string, string> = {},
  ) {
    const page = await get(url, jar);
    jar.take(page.headers);
    assert.equal(page.status, 200, page.text);
    const r = await postForm(
      server,
      `${server.management}/oauth2/authorize/sign-in`,
      { ...hiddenFields(page.text), username, password },
      { ...jar.header(), ...headers },
    );
    jar.take(r.headers);
    return r;
  }

  it('refuses a sign-in without the CSRF cookie or sent by another site', async () => {
    const pkce = newPkce();
    const page = await get(authorizeUrl(server, client, pkce));
    const form = {
      ...hiddenFields(page.text),
      username: client.username,
      password: client.password,
    };
    const noCookie = await postForm(server, `${server.management}/oauth2/authorize/sign-in`, form);
    assert.equal(noCookie.status, 403);
    assert.match(noCookie.text, /sign-in form expired/);
    const jar = new CookieJar();
    jar.take(page.headers);
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ];
    for (const headers of foreign) {
      const r = await postForm(server, `${server.management}/oauth2/authorize/sign-in`, form, {
        ...jar.header(),
        ...headers,
      });
      assert.equal(r.status, 403, JSON.stringify(headers));
      assert.equal(r.headers['set-cookie'], undefined, 'no session');
    }
  });

  it('answers a wrong password, an unknown user and a locked account the same way (R19)', async () => {
    const victim = await createCodeClient(server);
    const jar = new CookieJar();
    const url = authorizeUrl(server, client, newPkce());
    const bodies = new Set<string>();
    for (const [u, p] of [
      [victim.username, 'wrong password 1'],
      ['nobody-here', 'wrong password 2'],
      [victim.username, 'wrong password 3'],
      [victim.username, 'wrong password 4'],
    ] as const) {
      const r = await signIn(jar, url, u, p);
      assert.equal(r.status, 200);
      assert.match(r.text, /The username or password is wrong\./);
      bodies.add(r.text.replace(`value="${u}"`, 'value="USER"'));
    }
    assert.equal(bodies.size, 1, 'one page for every failure');
    // Locked now (3 failures): the right password gets the same answer, here and at /token.
    const locked = await signIn(jar, url, victim.username, victim.password);
    assert.match(locked.text, /The username or password is wrong\./);
    // As an admin reads it: the listing writes the buffered events first (read straight from the
    // store, the batch written every 200 ms may not be there yet).
    const audit = await auditEvents(server, '?type=login.failed');
    assert.ok(
      audit.some((e) => e.type === 'login.failed' && e.detail === 'authorization page'),
      'failures are audited like the password grant',
    );
  });

  it('signs in, asks consent for the scopes the roles allow, and redirects with a code, state and iss', async () => {
    const jar = new CookieJar();
    const pkce = newPkce();
    const consent = await signIn(
      jar,
      authorizeUrl(server, client, pkce, { scope: 'read admin' }),
      client.username,
      client.password,
    );
    assert.equal(consent.status, 200, consent.text);
    assert.match(jar.get('__Host-tollgate-session') ?? '', /^[\w-]{43}$/);
    assert.match(consent.text, new RegExp(`Allow ${client.appName} to access your account\\?`));
    assert.match(consent.text, /<code>read<\/code> — Read your orders/);
    assert.doesNotMatch(
      consent.text,
      /<code>admin<\/code>/,
      'a scope the roles do not allow is not offered',
    );
    const allow = await postForm(
      server,
      `${server.management}/oauth2/authorize/consent`,
      { ...hiddenFields(consent.text), decision: 'allow' },
      jar.header(),
    );
    const q = redirected(allow);
    assert.equal(allow.status, 303);
    assert.equal(q.get('state'), 'xyz-state');
    assert.equal(q.get('iss'), iss);
    const token = await postForm(
      server,
      `${server.management}/oauth2/token`,
      {
        grant_type: 'authorization_code',
        code: q.get('code')!,
        redirect_uri: client.redirectUri,
        code_verifier: pkce.verifier,
      },
      { authorization: client.authorization },
    );
    assert.equal(token.status, 200, token.text);
    assert.equal(token.json.scope, 'read');

    // Consent is remembered: the same user is sent back with a code at once.
    const again = await get(authorizeUrl(server, client, newPkce(), { scope: 'read' }), jar);
    assert.equal(again.status, 302, again.text);
    assert.ok(redirected(again).get('code'));
  });

  it('sends access_denied back when the user denies', async () => {
    const other = await createCodeClient(server);
    const jar = new CookieJar();
    const consent = await signIn(
      jar,
      authorizeUrl(server, other, newPkce()),
      other.username,
      other.password,
    );
    const deny = await postForm(
      server,
      `${server.management}/oauth2/authorize/consent`,
      { ...hiddenFields(consent.text), decision: 'deny' },
      jar.header(),
    );
    const q = redirected(deny, other.redirectUri);
    assert.equal(q.get('error'), 'access_denied');
    assert.equal(q.get('state'), 'xyz-state');
    assert.equal(q.get('iss'), iss);
    assert.equal(q.has('code'), false);
  });

  it('refuses a consent without the session’s CSRF token', async () => {
    const other = await createCodeClient(server);
    const jar = new CookieJar();
    const consent = await signIn(
      jar,
      authorizeUrl(server, other, newPkce()),
      other.username,
      other.password,
    );
    const r = await postForm(
      server,
      `${server.management}/oauth2/authorize/consent`,
      { ...hiddenFields(consent.text), csrf: 'x'.repeat(43), decision: 'allow' },
      jar.header(),
    );
    assert.equal(r.status, 403);
    assert.equal(r.headers['location'], undefined);
  });

  it('asks no consent for a first-party application', async () => {
    const first = await createCodeClient(server);
    const app = (await server.services.applications.findById(first.applicationId))!;
    await server.services.applications.setFirstParty(app, true);
    const jar = new CookieJar();
    const r = await signIn(
      jar,
      authorizeUrl(server, first, newPkce()),
      first.username,
      first.password,
    );
    assert.equal(r.status, 303, r.text);
    assert.ok(redirected(r, first.redirectUri).get('code'));
  });
});
