// RFC 7009 §2.1: "The client requests the revocation of a particular token by making an HTTP
// POST request to the token revocation endpoint ... token REQUIRED ... token_type_hint
// OPTIONAL". "If the server is unable to locate the token using the given hint, it MUST extend
// its search across all of its supported token types." "the authorization server first
// validates the client credentials ... and then verifies whether the token was issued to the
// client making the revocation request." §2.2: "invalid tokens do not cause an error response".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFixture, postForm, startTestServer, } from '../helpers/tollgate.js';
describe('token revocation (RFC 7009) on the Gateway and the Key Manager', () => {
    let server;
    let jwt;
    let opaque;
    const tokens = async (fx) => (await postForm(server, `${server.gateway}/token`, { grant_type: 'password', username: fx.username, password: fx.password }, { authorization: fx.authorization })).json;
    const active = async (fx, token) => (await postForm(server, `${server.management}/oauth2/introspect`, { token }, { authorization: fx.authorization })).json.active;
    before(async () => {
        server = await startTestServer();
        jwt = await createFixture(server, { tokenType: 'jwt' });
        opaque = await createFixture(server, { tokenType: 'opaque' });
    });
    after(() => server?.close());
    for (const [kind, path] of [
        ['gateway /revoke', '/revoke'],
        ['key manager /oauth2/revoke', '/oauth2/revoke'],
    ]) {
        it(`revokes opaque and JWT access tokens via ${kind} (R34)`, async () => {
            const base = path === '/revoke' ? server.gateway : server.management;
            for (const fx of [opaque, jwt]) {
                const t = await tokens(fx);
                assert.equal(await active(fx, t.access_token), true);
                const r = await postForm(server, `${base}${path}`, { token: t.access_token, token_type_hint: 'access_token' }, { authorization: fx.authorization });
                assert.equal(r.status, 200);
                assert.equal(r.text, '');
                assert.equal(await active(fx, t.access_token), false);
                // The refresh token is untouched by revoking an access token.
                assert.equal(await active(fx, t.refresh_token), true);
            }
        });
    }
    it('revoking a refresh token revokes its access tokens too, whatever the hint says', async () => {
        const t = await tokens(opaque);
        const r = await postForm(server, `${server.gateway}/revoke`, { token: t.refresh_token, token_type_hint: 'access_token' }, { authorization: opaque.authorization });
        assert.equal(r.status, 200);
        assert.equal(await active(opaque, t.refresh_token), false);
        assert.equal(await active(opaque, t.access_token), false);
        const again = await postForm(server, `${server.gateway}/token`, { grant_type: 'refresh_token', refresh_token: t.refresh_token }, { authorization: opaque.authorization });
        assert.equal(again.json.error, 'invalid_grant');
    });
    it('answers 200 for an unknown token (§2.2) and 400 when token is missing (R33)', async () => {
        const unknown = await postForm(server, `${server.gateway}/revoke`, { token: 'nothing-like-this' }, { authorization: opaque.authorization });
        assert.equal(unknown.status, 200);
        const missing = await postForm(server, `${server.gateway}/revoke`, {}, { authorization: opaque.authorization });
        assert.deepEqual([missing.status, missing.json], [400, { error: 'invalid_request', error_description: "The 'token' parameter is required." }]);
    });
    it("refuses to revoke another client's token, which stays valid (R35)", async () => {
        const t = await tokens(opaque);
        const r = await postForm(server, `${server.gateway}/revoke`, { token: t.access_token }, { authorization: jwt.authorization });
        assert.deepEqual([r.status, r.json.error], [400, 'invalid_request']);
        assert.equal(await active(opaque, t.access_token), true);
    });
    it('requires client authentication and POST', async () => {
        const t = await tokens(opaque);
        const anon = await postForm(server, `${server.gateway}/revoke`, { token: t.access_token });
        assert.equal(anon.status, 401);
        assert.equal(anon.json.error, 'invalid_client');
        const { call } = await import('../helpers/tollgate.js');
        const get = await call(server, `${server.gateway}/revoke`);
        assert.equal(get.status, 405);
        assert.equal(get.headers['allow'], 'POST');
    });
});
//# sourceMappingURL=rfc7009-revoke.test.js.map