// [oauth.token] jwt_algorithm (RFC 9068 access tokens, RFC 7518 algorithms): RS256 (the default,
// as WSO2), ES256 and EdDSA. With each, a client_credentials JWT verifies with jose against the
// published /oauth2/jwks, the Key Manager introspects it, and the Gateway accepts it for a
// subscribed API; the Key Manager signs with node:crypto, so this checks it against a JOSE library.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { eventually, startBackend, type Backend } from '../helpers/gateway-setup.js';
import {
  basic,
  call,
  createFixture,
  postForm,
  startTestServer,
  type TestServer,
} from '../helpers/tollgate.js';

for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
  describe(`JWT access tokens signed with ${alg}`, () => {
    let server: TestServer;
    let backend: Backend;
    before(async () => {
      backend = await startBackend(`jwt-${alg}`);
      server = await startTestServer({
        settings: { 'oauth.token.jwt_algorithm': alg, 'apim.gateway.sync_interval_ms': 200 },
      });
    });
    after(async () => {
      await server?.close();
      await backend?.stop();
    });

    it('verifies against the JWKS, introspects, and passes the Gateway', async () => {
      const s = server.services;
      const publisher = await s.users.create({
        username: 'pub',
        password: 'publisher-password-1',
        roles: ['publisher'],
      });
      const api = await s.apis.create(
        {
          name: 'Algo',
          context: '/algo',
          version: '1.0.0',
          productionUrl: backend.url,
          resources: [{ method: 'GET', uriTemplate: '/*' }],
        },
        publisher.id,
      );
      await s.apis.changeLifecycle(api.id, 'publish');
      const fx = await createFixture(server, { username: 'carol', tokenType: 'jwt' });
      const carol = await s.users.get('carol');
      const app = (await s.applications.list(carol.id))[0]!;
      const sub = await call(server, `${server.management}/api/devportal/v1/subscriptions`, {
        method: 'POST',
        headers: { authorization: basic('carol', fx.password), 'content-type': 'application/json' },
        body: JSON.stringify({ applicationId: app.id, apiId: api.id, throttlingPolicy: 'Gold' }),
      });
      assert.equal(sub.status, 201, sub.text);

      const issued = await postForm(
        server,
        `${server.gateway}/token`,
        { grant_type: 'client_credentials' },
        { authorization: fx.authorization },
      );
      assert.equal(issued.status, 200);
      const token = issued.json.access_token as string;
      const header = decodeProtectedHeader(token);
      assert.deepEqual(Object.keys(header), ['alg', 'kid', 'typ']);
      assert.equal(header.alg, alg);
      assert.equal(header.typ, 'at+jwt');

      const jwks = (await call(server, `${server.management}/oauth2/jwks`)).json as JSONWebKeySet;
      const published = jwks.keys.find((k) => k.kid === header.kid);
      assert.equal(published?.alg, alg);
      assert.equal(published?.d, undefined, 'no private part published');
      const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
        issuer: server.config.token.issuer,
        audience: server.config.token.audience,
        typ: 'at+jwt',
        algorithms: [alg],
      });
      assert.equal(payload['client_id'], fx.consumerKey);
      assert.equal(payload.sub, fx.consumerKey);
      assert.equal(payload.exp! - payload.iat!, 3600);

      const introspected = await postForm(
        server,
        `${server.management}/oauth2/introspect`,
        { token },
        { authorization: fx.authorization },
      );
      assert.equal(introspected.json.active, true);
      assert.equal(introspected.json.jti, payload.jti);

      const through = await eventually(
        () =>
          call(server, `${server.gateway}/algo/1.0.0/menu`, {
            headers: { authorization: `Bearer ${token}` },
          }),
        (r) => r.status !== 403 && r.status !== 404,
      );
      assert.equal(through.status, 200, through.text);
      assert.equal(through.json.url, '/menu');

      // A signature that does not verify is refused by the Gateway.
      const [h, p, sig] = token.split('.');
      const flipped = `${h}.${p}.${sig!.startsWith('A') ? 'B' : 'A'}${sig!.slice(1)}`;
      const forged = await call(server, `${server.gateway}/algo/1.0.0/menu`, {
        headers: { authorization: `Bearer ${flipped}` },
      });
      assert.equal(forged.status, 401);
    });
  });
}
