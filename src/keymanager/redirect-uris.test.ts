import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callbackUrlProblem, matchRedirectUri } from './redirect-uris.js';

describe('callback URLs that may be registered (RFC 6749 §3.1.2, RFC 8252 §7)', () => {
  it('accepts https, loopback http and reverse-domain private-use schemes', () => {
    for (const ok of [
      'https://app.example.com/callback',
      'https://app.example.com/cb?tenant=a',
      'http://127.0.0.1/callback',
      'http://127.0.0.1:8080/callback',
      'http://[::1]/cb',
      'http://localhost:3000/callback',
      'com.example.app:/oauth2redirect',
      'com.example.app://callback',
    ])
      assert.equal(callbackUrlProblem(ok), undefined, ok);
  });

  it('refuses fragments, user information, plain http elsewhere, other schemes, junk', () => {
    for (const bad of [
      'https://app.example.com/cb#x',
      'https://user@app.example.com/cb',
      'https://user:pw@app.example.com/cb',
      'http://app.example.com/cb',
      'http://127.0.0.1.example.com/cb',
      'javascript:alert(1)',
      'data:text/html,hi',
      'file:///etc/passwd',
      'myapp:/cb',
      '/relative/cb',
      'https://app.example.com/a b',
      'https://app.example.com/caf\u00e9',
      '',
      `https://app.example.com/${'a'.repeat(2000)}`,
    ])
      assert.notEqual(callbackUrlProblem(bad), undefined, bad);
  });
});

describe('redirect_uri matching (RFC 9700 §4.1.3: exact string comparison)', () => {
  const registered = [
    'https://app.example.com/callback',
    'com.example.app:/oauth2redirect',
    'http://127.0.0.1/native',
    'http://127.0.0.1:7000/fixed',
  ];

  it('matches the registered strings exactly', () => {
    for (const uri of registered.filter((u) => !u.includes('native')))
      assert.equal(matchRedirectUri(registered, uri), uri);
  });

  it('refuses every variation: trailing slash, case, extra query, fragment, userinfo, other port, path', () => {
    for (const variant of [
      'https://app.example.com/callback/',
      'https://APP.example.com/callback',
      'https://app.example.com/Callback',
      'HTTPS://app.example.com/callback',
      'https://app.example.com/callback?x=1',
      'https://app.example.com/callback#frag',
      'https://user@app.example.com/callback',
      'https://app.example.com@evil.example/callback',
      'https://app.example.com:8443/callback',
      'https://app.example.com:443/callback',
      'https://app.example.com/callback/../callback',
      'https://app.example.com/callback%2F',
      'https://app.example.com./callback',
      'com.example.app:/oauth2redirect/',
      'com.example.App:/oauth2redirect',
      'http://127.0.0.1:7001/fixed',
      'http://127.0.0.1:7000@evil.example/fixed',
      'http://localhost/native',
      'http://127.0.0.1:99/native/',
      'http://127.0.0.1:99/native?x',
    ])
      assert.equal(matchRedirectUri(registered, variant), undefined, variant);
  });

  it('lets a loopback IP URI registered without a port take any port (RFC 8252 §7.3)', () => {
    assert.equal(
      matchRedirectUri(registered, 'http://127.0.0.1:53123/native'),
      'http://127.0.0.1:53123/native',
    );
    assert.equal(
      matchRedirectUri(['http://[::1]/cb'], 'http://[::1]:8080/cb'),
      'http://[::1]:8080/cb',
    );
  });
});
