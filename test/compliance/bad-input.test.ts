// RFC 6749 §3.2: "The client MUST use the HTTP "POST" method"; "Parameters sent without a value
// MUST be treated as if they were omitted"; "Request and response parameters MUST NOT be
// included more than once". §5.2: errors are JSON with "error" from a fixed set. Nothing a
// client sends may produce a 5xx (R9).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  call,
  createFixture,
  type Fixture,
  startTestServer,
  type TestServer,
} from '../helpers/tollgate.js';

const FORM = 'application/x-www-form-urlencoded';

describe('bad input on the Token API never reaches a 5xx', () => {
  let server: TestServer;
  let fx: Fixture;
  before(async () => {
    server = await startTestServer();
    fx = await createFixture(server);
  });
  after(() => server?.close());

  const cases = (): Array<
    [
      string,
      { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
      number,
      string,
    ]
  > => {
    const ok = `grant_type=password&username=${fx.username}&password=${encodeURIComponent(fx.password)}`;
    const auth = { authorization: fx.authorization, 'content-type': FORM };
    return [
      ['no body', { headers: auth }, 400, 'invalid_request'],
      [
        'JSON body',
        {
          headers: { ...auth, 'content-type': 'application/json' },
          body: '{"grant_type":"password"}',
        },
        400,
        'invalid_request',
      ],
      [
        'text/plain body',
        { headers: { ...auth, 'content-type': 'text/plain' }, body: ok },
        400,
        'invalid_request',
      ],
      [
        'no content type',
        { headers: { authorization: fx.authorization }, body: ok },
        400,
        'invalid_request',
      ],
      [
        'latin1 charset',
        { headers: { ...auth, 'content-type': `${FORM}; charset=iso-8859-1` }, body: ok },
        400,
        'invalid_request',
      ],
      [
        'parameters in the query string only',
        { path: `/token?${ok}`, headers: auth, body: '' },
        400,
        'invalid_request',
      ],
      [
        'missing grant_type',
        { headers: auth, body: 'username=a&password=b' },
        400,
        'invalid_request',
      ],
      [
        'empty grant_type',
        { headers: auth, body: 'grant_type=&username=a&password=b' },
        400,
        'invalid_request',
      ],
      [
        'unknown grant_type',
        { headers: auth, body: 'grant_type=magic' },
        400,
        'unsupported_grant_type',
      ],
      [
        'authorization_code grant for an application without it',
        { headers: auth, body: 'grant_type=authorization_code&code=x' },
        400,
        'unauthorized_client',
      ],
      [
        'implicit grant',
        { headers: auth, body: 'grant_type=implicit' },
        400,
        'unsupported_grant_type',
      ],
      [
        'duplicated grant_type',
        { headers: auth, body: `${ok}&grant_type=password` },
        400,
        'invalid_request',
      ],
      ['duplicated password', { headers: auth, body: `${ok}&password=x` }, 400, 'invalid_request'],
      ['bad percent-escape', { headers: auth, body: `${ok}&scope=%zz` }, 400, 'invalid_request'],
      [
        'truncated percent-escape',
        { headers: auth, body: 'grant_type=password&username=a&password=%4' },
        400,
        'invalid_request',
      ],
      [
        'invalid UTF-8 escaped',
        { headers: auth, body: 'grant_type=password&username=%C3%28&password=x' },
        400,
        'invalid_request',
      ],
      [
        'invalid UTF-8 raw',
        {
          headers: auth,
          body: Buffer.concat([
            Buffer.from('grant_type=password&username='),
            Buffer.from([0xff, 0xfe]),
            Buffer.from('&password=x'),
          ]),
        },
        400,
        'invalid_request',
      ],
      [
        'NUL in username',
        { headers: auth, body: 'grant_type=password&username=a%00b&password=xxxxxxxx' },
        400,
        'invalid_request',
      ],
      [
        'LF in username',
        { headers: auth, body: 'grant_type=password&username=a%0Ab&password=xxxxxxxx' },
        400,
        'invalid_request',
      ],
      [
        'CR in password',
        { headers: auth, body: 'grant_type=password&username=ab&password=x%0Dy' },
        400,
        'invalid_request',
      ],
      [
        'password over 1024 bytes',
        { headers: auth, body: `grant_type=password&username=ab&password=${'p'.repeat(1025)}` },
        400,
        'invalid_request',
      ],
      [
        'username over 255 characters',
        {
          headers: auth,
          body: `grant_type=password&username=${'u'.repeat(300)}&password=xxxxxxxx`,
        },
        400,
        'invalid_request',
      ],
      [
        'scope with a quote',
        { headers: auth, body: `${ok}&scope=%22read%22` },
        400,
        'invalid_scope',
      ],
      [
        'scope with a backslash',
        { headers: auth, body: `${ok}&scope=a%5Cb` },
        400,
        'invalid_scope',
      ],
      [
        'scope with a non-ASCII character',
        { headers: auth, body: `${ok}&scope=l%C3%A9ger` },
        400,
        'invalid_scope',
      ],
      [
        'body over 56 KiB',
        { headers: auth, body: `${ok}&pad=${'x'.repeat(60 * 1024)}` },
        413,
        'invalid_request',
      ],
      [
        'Basic not base64',
        { headers: { ...auth, authorization: 'Basic ***' }, body: ok },
        400,
        'invalid_request',
      ],
      [
        'Basic without colon',
        {
          headers: {
            ...auth,
            authorization: `Basic ${Buffer.from('justakey').toString('base64')}`,
          },
          body: ok,
        },
        400,
        'invalid_request',
      ],
      [
        'Basic with missing padding',
        {
          headers: {
            ...auth,
            authorization: `Basic ${Buffer.from('ab:c').toString('base64').replace(/=+$/, '')}`,
          },
          body: ok,
        },
        400,
        'invalid_request',
      ],
      [
        'Basic with bad escape in id',
        {
          headers: { ...auth, authorization: `Basic ${Buffer.from('%zz:x').toString('base64')}` },
          body: ok,
        },
        400,
        'invalid_request',
      ],
      [
        'Bearer instead of Basic',
        { headers: { ...auth, authorization: 'Bearer abc' }, body: ok },
        401,
        'invalid_client',
      ],
      [
        'no client authentication',
        { headers: { 'content-type': FORM }, body: ok },
        401,
        'invalid_client',
      ],
      [
        'client_id only in body',
        { headers: { 'content-type': FORM }, body: `${ok}&client_id=${fx.consumerKey}` },
        401,
        'invalid_client',
      ],
      [
        'very long client id',
        {
          headers: {
            ...auth,
            authorization: `Basic ${Buffer.from(`${'k'.repeat(5000)}:x`).toString('base64')}`,
          },
          body: ok,
        },
        401,
        'invalid_client',
      ],
      [
        'refresh without token',
        { headers: auth, body: 'grant_type=refresh_token' },
        400,
        'invalid_request',
      ],
      [
        'refresh with a JWT-shaped garbage token',
        { headers: auth, body: 'grant_type=refresh_token&refresh_token=a.b.c' },
        400,
        'invalid_grant',
      ],
      ['GET /token', { method: 'GET', headers: auth }, 405, 'invalid_request'],
      ['PUT /token', { method: 'PUT', headers: auth, body: ok }, 405, 'invalid_request'],
      [
        'DELETE /oauth2/token',
        { method: 'DELETE', path: '/oauth2/token', headers: auth },
        405,
        'invalid_request',
      ],
      [
        'introspect without token',
        { path: '/oauth2/introspect', headers: auth, body: 'x=1' },
        400,
        'invalid_request',
      ],
      [
        'introspect with duplicated token',
        { path: '/oauth2/introspect', headers: auth, body: 'token=a&token=b' },
        400,
        'invalid_request',
      ],
      [
        'revoke with invalid UTF-8',
        { path: '/oauth2/revoke', headers: auth, body: 'token=%FF' },
        400,
        'invalid_request',
      ],
      [
        'revoke with JSON',
        {
          path: '/oauth2/revoke',
          headers: { ...auth, 'content-type': 'application/json' },
          body: '{}',
        },
        400,
        'invalid_request',
      ],
      // Issue #5: the Gateway's /revoke, introspection and credentials in odd shapes.
      [
        'gateway revoke without token',
        { path: '/revoke', headers: auth, body: 'token_type_hint=access_token' },
        400,
        'invalid_request',
      ],
      [
        'gateway revoke with duplicated token',
        { path: '/revoke', headers: auth, body: 'token=a&token=b' },
        400,
        'invalid_request',
      ],
      [
        'gateway revoke without client authentication',
        { path: '/revoke', headers: { 'content-type': FORM }, body: 'token=a' },
        401,
        'invalid_client',
      ],
      [
        'gateway revoke with Basic not base64',
        { path: '/revoke', headers: { ...auth, authorization: 'Basic %%%' }, body: 'token=a' },
        400,
        'invalid_request',
      ],
      [
        'gateway revoke with text/plain',
        { path: '/revoke', headers: { ...auth, 'content-type': 'text/plain' }, body: 'token=a' },
        400,
        'invalid_request',
      ],
      [
        'gateway revoke body over 56 KiB',
        { path: '/revoke', headers: auth, body: `token=${'t'.repeat(60 * 1024)}` },
        413,
        'invalid_request',
      ],
      ['GET /revoke', { method: 'GET', path: '/revoke', headers: auth }, 405, 'invalid_request'],
      [
        'gateway revoke with invalid UTF-8 raw',
        {
          path: '/revoke',
          headers: auth,
          body: Buffer.concat([Buffer.from('token='), Buffer.from([0xc3, 0x28])]),
        },
        400,
        'invalid_request',
      ],
      [
        'introspect without client authentication',
        { path: '/oauth2/introspect', headers: { 'content-type': FORM }, body: 'token=a' },
        401,
        'invalid_client',
      ],
      [
        'introspect with Bearer',
        {
          path: '/oauth2/introspect',
          headers: { ...auth, authorization: 'Bearer abc' },
          body: 'token=a',
        },
        401,
        'invalid_client',
      ],
      [
        'introspect with bad percent-escape',
        { path: '/oauth2/introspect', headers: auth, body: 'token=%G1' },
        400,
        'invalid_request',
      ],
      [
        'GET /oauth2/introspect',
        { method: 'GET', path: '/oauth2/introspect', headers: auth },
        405,
        'invalid_request',
      ],
      [
        'introspect with two client authentication methods',
        {
          path: '/oauth2/introspect',
          headers: auth,
          body: `token=a&client_id=${fx.consumerKey}&client_secret=${fx.consumerSecret}`,
        },
        400,
        'invalid_request',
      ],
      [
        'client_secret in body and Basic',
        { headers: auth, body: `${ok}&client_secret=x` },
        400,
        'invalid_request',
      ],
      [
        'body client_id differs from Basic',
        { headers: auth, body: `${ok}&client_id=someoneelse` },
        400,
        'invalid_request',
      ],
      [
        'NUL in password',
        { headers: auth, body: 'grant_type=password&username=ab&password=pass%00word' },
        400,
        'invalid_request',
      ],
      [
        'CR LF in username',
        { headers: auth, body: 'grant_type=password&username=ab%0D%0Aadmin&password=xxxxxxxx' },
        400,
        'invalid_request',
      ],
      [
        'NUL in Basic client id',
        {
          headers: {
            ...auth,
            authorization: `Basic ${Buffer.from('ab%00cd:secret').toString('base64')}`,
          },
          body: ok,
        },
        401,
        'invalid_client',
      ],
      [
        'CR LF in Basic client id',
        {
          headers: {
            ...auth,
            authorization: `Basic ${Buffer.from('ab\r\ncd:secret').toString('base64')}`,
          },
          body: ok,
        },
        401,
        'invalid_client',
      ],
      [
        'Basic with invalid UTF-8',
        {
          headers: {
            ...auth,
            authorization: `Basic ${Buffer.from([0x61, 0xff, 0x3a, 0x62]).toString('base64')}`,
          },
          body: ok,
        },
        400,
        'invalid_request',
      ],
      [
        'empty Basic credentials',
        { headers: { ...auth, authorization: 'Basic ' }, body: ok },
        401,
        'invalid_client',
      ],
      [
        'Basic with an empty secret',
        {
          headers: {
            ...auth,
            authorization: `Basic ${Buffer.from(`${fx.consumerKey}:`).toString('base64')}`,
          },
          body: ok,
        },
        401,
        'invalid_client',
      ],
      [
        'empty password',
        { headers: auth, body: `grant_type=password&username=${fx.username}&password=` },
        400,
        'invalid_request',
      ],
      ['scope with CR', { headers: auth, body: `${ok}&scope=a%0Db` }, 400, 'invalid_scope'],
      [
        'client_credentials with a quoted scope',
        { headers: auth, body: 'grant_type=client_credentials&scope=%22x%22' },
        400,
        'invalid_scope',
      ],
      [
        'duplicated refresh_token',
        { headers: auth, body: 'grant_type=refresh_token&refresh_token=a&refresh_token=b' },
        400,
        'invalid_request',
      ],
      [
        'NUL in grant_type',
        { headers: auth, body: 'grant_type=pass%00word' },
        400,
        'unsupported_grant_type',
      ],
      [
        'UTF-16 charset',
        { headers: { ...auth, 'content-type': `${FORM}; charset=utf-16` }, body: ok },
        400,
        'invalid_request',
      ],
    ];
  };

  it('answers each with the documented RFC error, no-store, and the server keeps working', async () => {
    const seen: string[] = [];
    for (const [name, req, status, error] of cases()) {
      const path = req.path ?? '/token';
      const base = path.startsWith('/oauth2/') ? server.management : server.gateway;
      const r = await call(server, `${base}${path}`, {
        method: req.method ?? 'POST',
        headers: req.headers ?? {},
        ...(req.body !== undefined ? { body: req.body } : {}),
      });
      seen.push(`${name}: ${r.status} ${r.json?.error}`);
      assert.ok(r.status < 500, `${name} gave ${r.status}`);
      assert.equal(r.status, status, `${name}: ${r.text}`);
      assert.equal(r.json?.error, error, `${name}: ${r.text}`);
      assert.match(
        r.json?.error_description ?? '',
        /^[\x20-\x21\x23-\x5B\x5D-\x7E]+$/,
        `${name}: description charset`,
      );
      assert.equal(r.headers['cache-control'], 'no-store', name);
    }
    assert.equal(seen.length, cases().length);
    const still = await call(server, `${server.gateway}/token`, {
      method: 'POST',
      headers: { authorization: fx.authorization, 'content-type': FORM },
      body: 'grant_type=client_credentials',
    });
    assert.equal(still.status, 200);
  });
});
