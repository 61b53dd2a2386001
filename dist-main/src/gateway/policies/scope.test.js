// scope: a resource bound to a scope needs a token issued with it (PRODUCT.md item 4, R44).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeToken, startTestGateway } from '../testing.js';
describe('scope policy', () => {
    let gw;
    before(async () => {
        gw = await startTestGateway({
            tokens: {
                'read-write': activeToken({ scope: 'read write' }),
                read: activeToken({ scope: 'read' }),
            },
        });
    });
    after(() => gw.close());
    const post = (token) => gw.app.inject({
        method: 'POST',
        url: '/shop/1.0/orders',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: '{}',
    });
    it('admits a token that carries the scope', async () => {
        assert.equal((await post('read-write')).statusCode, 200);
    });
    it('answers 403 900910 with insufficient_scope naming the scope (RFC 6750 §3.1)', async () => {
        const r = await post('read');
        assert.equal(r.statusCode, 403);
        assert.equal(r.headers['www-authenticate'], 'Bearer realm="tollgate", error="insufficient_scope", scope="write"');
        assert.deepEqual(r.json(), {
            code: 900910,
            message: 'The access token does not allow you to access the requested resource',
            description: 'The resource requires the scope "write".',
        });
    });
    it('lets any valid token through a resource without a scope', async () => {
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            headers: { authorization: 'Bearer read' },
        });
        assert.equal(r.statusCode, 200);
    });
});
//# sourceMappingURL=scope.test.js.map