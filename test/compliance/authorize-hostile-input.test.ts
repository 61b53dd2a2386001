// Hostile input on the authorization endpoint and its pages (issue #12): malformed queries and
// forms, repeated, oversized, non-UTF-8 and NUL-laden parameters, wrong methods and content
// types. R9: "never 5xx for anything the client can send". Every answer here is < 500.
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
import { call, startTestServer, type TestServer } from '../helpers/tollgate.js';

describe('hostile input on /oauth2/authorize and its pages: no answer >= 500', () => {
  let server: TestServer;
  let client: CodeClient;
  before(async () => {
    server = await startTestServer();
    client = await createCodeClient(server);
  });
  after(() => server?.close());

  it('answers every malformed authorization request below 500', async () => {
    const good = authorizeUrl(server, client, newPkce());
    const base = `${server.management}/oauth2/authorize`;
    const queries = [
      '',
      '?',
      '?&&&=&=',
      '?client_id',
      '?client_id=%',
      '?client_id=%zz',
      '?client_id=%FF%FE',
      '?client_id=%00',
      `?client_id=${'a'.repeat(5000)}`,
      `?client_id=${client.consumerKey}&redirect_uri=%00`,
      `?client_id=${client.consumerKey}&redirect_uri=${encodeURIComponent('https://client.example.com/callback\u0000')}`,
      `?client_id=${client.consumerKey}&redirect_uri=https://client.example.com/callback&redirect_uri=x`,
      `?client_id[]=x&redirect_uri[a]=y`,
      `${good.slice(good.indexOf('?'))}&state=${'s'.repeat(3000)}`,
      `${good.slice(good.indexOf('?'))}&state=%F0%9F%98%80%00`,
      `${good.slice(good.indexOf('?'))}&scope=${'%C3%A9'.repeat(200)}`,
      `${good.slice(good.indexOf('?'))}&scope=${'x '.repeat(500)}`,
      `${good.slice(good.indexOf('?'))}&code_challenge=%FF`,
      `${good.slice(good.indexOf('?'))}&response_type=%0d%0aSet-Cookie:%20x=y`,
      `${good.slice(good.indexOf('?'))}&response_type=code&response_type=code`,
      `${good.slice(good.indexOf('?'))}#fragment`,
      `?${'a=1&'.repeat(2000)}`,
    ];
    for (const q of queries) {
      for (const method of ['GET', 'HEAD']) {
        const r = await call(server, `${base}${q}`, { method });
        assert.ok(
          r.status < 500,
          `${method} ${q.slice(0, 80)} -> ${r.status} ${r.text.slice(0, 200)}`,
        );
        const location = r.headers['location'];
        if (location)
          assert.ok(
            location.startsWith(`${client.redirectUri}?`),
            `only to the registered URI: ${location}`,
          );
      }
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await call(server, good, { method });
      assert.ok(r.status < 500, `${method} -> ${r.status}`);
    }
  });

  it('answers every malformed sign-in and consent form below 500', async () => {
    const jar = new CookieJar();
    const page = await call(server, authorizeUrl(server, client, newPkce()));
    jar.take(page.headers);
    const fields = new URLSearchParams(hiddenFields(page.text)).toString();
    const form = 'application/x-www-form-urlencoded';
    const bodies: [string | undefined, string | Buffer][] = [
      [form, ''],
      [form, '%'],
      [form, '%zz=1'],
      [form, Buffer.from([0x61, 0x3d, 0xff, 0xfe])],
      [form, `${fields}&username=a%00b&password=x`],
      [form, `${fields}&username=a&password=${'p'.repeat(10_000)}`],
      [form, `${fields}&username=${'u'.repeat(5000)}&password=x`],
      [form, `${fields}&username=a&username=b&password=x`],
      [form, `${fields}&csrf=1&csrf=2&username=a&password=x`],
      [form, `${fields}&decision=allow&decision=deny`],
      [form, `${fields}&decision=${'x'.repeat(100)}`],
      [form, `${fields.replace(/client_id=[^&]+/, 'client_id=nope')}&username=a&password=b`],
      [form, `${fields.replace(/redirect_uri=[^&]+/, 'redirect_uri=https%3A%2F%2Fevil.example')}`],
      [form, 'x'.repeat(20_000)],
      ['application/json', JSON.stringify({ username: 'a', password: 'b' })],
      ['text/plain', 'username=a&password=b'],
      ['multipart/form-data; boundary=x', '--x\r\n\r\n--x--'],
      [undefined, fields],
      [`${form}; charset=latin1`, fields],
    ];
    for (const path of ['/oauth2/authorize/sign-in', '/oauth2/authorize/consent']) {
      for (const [type, body] of bodies) {
        const r = await call(server, `${server.management}${path}`, {
          method: 'POST',
          headers: { ...jar.header(), ...(type ? { 'content-type': type } : {}) },
          body,
        });
        assert.ok(
          r.status < 500,
          `${path} ${type} ${String(body).slice(0, 60)} -> ${r.status} ${r.text.slice(0, 200)}`,
        );
      }
      const get = await call(server, `${server.management}${path}`);
      assert.ok(get.status < 500, `GET ${path} -> ${get.status}`);
    }
  });
});
