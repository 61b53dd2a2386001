// credentials: RFC 6750 §2.1 bearer tokens, in the Authorization header only (R42, R43).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeToken, startTestGateway } from '../testing.js';
describe('credentials policy', () => {
    let gw;
    before(async () => {
        gw = await startTestGateway({ tokens: { t1: activeToken() } });
    });
    after(() => gw.close());
    it('answers 401 900902 without an error code when no token is sent (RFC 6750 §3.1)', async () => {
        for (const authorization of [undefined, 'Basic dXNlcjpwdw==']) {
            const r = await gw.app.inject({
                url: '/shop/1.0/items',
                headers: authorization ? { authorization } : {},
            });
            assert.equal(r.statusCode, 401);
            assert.equal(r.headers['www-authenticate'], 'Bearer realm="tollgate"');
            assert.deepEqual(r.json(), {
                code: 900902,
                message: 'Missing Credentials',
                description: 'Make sure your API invocation call has a header: "Authorization: Bearer ACCESS_TOKEN".',
            });
        }
    });
    it('accepts the scheme name in any case', async () => {
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            headers: { authorization: 'bEaReR t1' },
        });
        assert.equal(r.statusCode, 200, r.body);
    });
    it('refuses a token in the query string, with or without the header (400, R42)', async () => {
        for (const headers of [{}, { authorization: 'Bearer t1' }]) {
            const r = await gw.app.inject({ url: '/shop/1.0/items?access_token=t1', headers });
            assert.equal(r.statusCode, 400);
            assert.equal(r.headers['www-authenticate'], 'Bearer realm="tollgate", error="invalid_request"');
        }
    });
    it('answers 401 900901 for a token that is not a b64token', async () => {
        for (const token of ['a b', 'tok"en', 'x'.repeat(8193), '']) {
            const r = await gw.app.inject({
                url: '/shop/1.0/items',
                headers: { authorization: `Bearer ${token}` },
            });
            assert.equal(r.statusCode, 401, token.slice(0, 10));
            assert.equal(r.json().code, 900901);
        }
    });
    it('asks nothing of a resource with auth "none", and forwards its Authorization header', async () => {
        const open = await gw.app.inject({ url: '/shop/1.0/open?access_token=x' });
        assert.equal(open.statusCode, 200, open.body);
        const own = await gw.app.inject({
            url: '/shop/1.0/open',
            headers: { authorization: 'Basic dXNlcjpwdw==' },
        });
        assert.equal(own.json().headers.authorization, 'Basic dXNlcjpwdw==');
    });
    it('does not forward the token it consumed', async () => {
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            headers: { authorization: 'Bearer t1' },
        });
        assert.equal(r.json().headers.authorization, undefined);
    });
});
//# sourceMappingURL=credentials.test.js.map