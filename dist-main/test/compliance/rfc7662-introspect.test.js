// RFC 7662 §2.1: "the endpoint MUST also require some form of authorization to access this
// endpoint". §2.2: "active REQUIRED ... If the introspection call is properly authorized but the
// token is not active, does not exist on this server, or the protected resource is not allowed to
// introspect this particular token, then the authorization server MUST return an introspection
// response with the "active" field set to "false"."
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFixture, postForm, startTestServer, } from '../helpers/tollgate.js';
describe('token introspection (RFC 7662)', () => {
    let server;
    let fx;
    let url;
    before(async () => {
        server = await startTestServer();
        url = `${server.management}/oauth2/introspect`;
        fx = await createFixture(server, { tokenType: 'opaque' });
    });
    after(() => server?.close());
    it('describes an active access token of the calling client', async () => {
        const t = (await postForm(server, `${server.gateway}/token`, { grant_type: 'password', username: fx.username, password: fx.password }, { authorization: fx.authorization })).json;
        const r = await postForm(server, url, { token: t.access_token }, { authorization: fx.authorization });
        assert.equal(r.status, 200);
        assert.equal(r.headers['cache-control'], 'no-store');
        const user = await server.services.users.get(fx.username);
        const { exp, iat, jti, ...rest } = r.json;
        assert.deepEqual(rest, {
            active: true,
            scope: 'default',
            client_id: fx.consumerKey,
            username: fx.username,
            token_type: 'Bearer',
            sub: user.id,
            aud: server.config.token.audience,
            iss: server.config.token.issuer,
        });
        assert.equal(exp - iat, 3600);
        assert.equal(typeof jti, 'string');
    });
    it('answers only {"active": false} for unknown, foreign and revoked tokens (R38)', async () => {
        const other = await createFixture(server);
        const t = (await postForm(server, `${server.gateway}/token`, { grant_type: 'client_credentials' }, { authorization: other.authorization })).json;
        for (const token of ['unknown-token', t.access_token, 'a.b.c']) {
            const r = await postForm(server, url, { token }, { authorization: fx.authorization });
            assert.equal(r.status, 200);
            assert.deepEqual(r.json, { active: false });
        }
    });
    it('requires client authentication (R37)', async () => {
        const r = await postForm(server, url, { token: 'x' });
        assert.deepEqual([r.status, r.json.error], [401, 'invalid_client']);
    });
});
//# sourceMappingURL=rfc7662-introspect.test.js.map