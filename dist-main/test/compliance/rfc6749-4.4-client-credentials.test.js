// RFC 6749 §4.4.2: "grant_type REQUIRED. Value MUST be set to "client_credentials". scope
// OPTIONAL." §4.4.3: "A refresh token SHOULD NOT be included." RFC 9068 §2.2: the JWT access
// token carries iss, exp, aud, sub, client_id, iat, jti; §2.1: typ "at+jwt".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { call, createFixture, postForm, startTestServer, } from '../helpers/tollgate.js';
describe('client_credentials grant and JWT access tokens', () => {
    let server;
    before(async () => {
        server = await startTestServer();
    });
    after(() => server?.close());
    it('issues a JWT without a refresh token, verifiable with the published JWKS (RFC 9068)', async () => {
        const fx = await createFixture(server, { tokenType: 'jwt' });
        const r = await postForm(server, `${server.gateway}/token`, { grant_type: 'client_credentials' }, { authorization: fx.authorization });
        assert.equal(r.status, 200);
        assert.deepEqual(Object.keys(r.json), ['scope', 'token_type', 'expires_in', 'access_token']);
        const header = decodeProtectedHeader(r.json.access_token);
        assert.equal(header.typ, 'at+jwt');
        assert.equal(header.alg, 'RS256');
        assert.ok(header.kid);
        const jwks = (await call(server, `${server.management}/oauth2/jwks`)).json;
        assert.ok(jwks.keys.some((k) => k.kid === header.kid));
        assert.ok(jwks.keys.every((k) => k.d === undefined), 'no private parts published');
        const { payload } = await jwtVerify(r.json.access_token, createLocalJWKSet(jwks), {
            issuer: server.config.token.issuer,
            audience: server.config.token.audience,
            typ: 'at+jwt',
        });
        assert.equal(payload['client_id'], fx.consumerKey);
        assert.equal(payload.sub, fx.consumerKey);
        assert.equal(payload['scope'], 'default');
        assert.equal(payload.exp - payload.iat, 3600);
        assert.match(payload.jti, /^[0-9a-f-]{36}$/);
    });
    it('gives password-grant JWTs the user as subject, never a client id (R40)', async () => {
        const fx = await createFixture(server, { tokenType: 'jwt' });
        const r = await postForm(server, `${server.gateway}/token`, { grant_type: 'password', username: fx.username, password: fx.password }, { authorization: fx.authorization });
        const [, payload] = r.json.access_token.split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
        const user = await server.services.users.get(fx.username);
        assert.equal(claims.sub, user.id);
        assert.equal(claims.username, fx.username);
    });
    it("scopes follow the application owner's roles", async () => {
        await server.services.stores.scopes.upsert({ name: 'reports', description: '', roles: ['analyst'] }, Date.now());
        const analyst = await createFixture(server, { roles: ['analyst'] });
        const plain = await createFixture(server);
        const a = await postForm(server, `${server.gateway}/token`, { grant_type: 'client_credentials', scope: 'reports' }, { authorization: analyst.authorization });
        const b = await postForm(server, `${server.gateway}/token`, { grant_type: 'client_credentials', scope: 'reports' }, { authorization: plain.authorization });
        assert.deepEqual([a.json.scope, b.json.scope], ['reports', 'default']);
    });
    it('honours per-application token lifetimes', async () => {
        const fx = await createFixture(server, { tokenType: 'opaque' });
        const user = await server.services.users.get(fx.username);
        const app = (await server.services.applications.list(user.id))[0];
        await server.services.applications.update(app, { accessTokenLifetime: 600 });
        const r = await postForm(server, `${server.gateway}/token`, { grant_type: 'client_credentials' }, { authorization: fx.authorization });
        assert.equal(r.json.expires_in, 600);
    });
});
//# sourceMappingURL=rfc6749-4.4-client-credentials.test.js.map