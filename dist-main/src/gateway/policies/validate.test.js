// validate: JWT access tokens per RFC 9068 §4 against the Key Manager's JWKS, opaque tokens by
// introspection (RFC 7662), revoked JWTs refused from the snapshot's jti list (R45, R46).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { activeToken, startTestGateway, testSnapshot } from '../testing.js';
describe('validate policy', () => {
    let gw;
    let key;
    const jwt = (claims = {}, typ = 'at+jwt') => new SignJWT({
        client_id: 'ck-1',
        scope: 'write',
        iss: 'https://km.test',
        aud: 'https://gw.test',
        sub: 'user-1',
        ...claims,
    })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ })
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
    before(async () => {
        const pair = await generateKeyPair('ES256');
        key = pair.privateKey;
        const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
        gw = await startTestGateway({
            snapshot: testSnapshot({ revokedJtis: ['revoked-jti'] }),
            controlPlane: {
                jwks: async () => ({ keys: [publicJwk] }),
                introspect: async (token) => {
                    if (token === 'km-down')
                        throw new Error('connect ECONNREFUSED');
                    return token === 'opaque' ? activeToken() : { active: false };
                },
            },
        });
    });
    after(() => gw.close());
    const get = (token) => gw.app.inject({ url: '/shop/1.0/items', headers: { authorization: `Bearer ${token}` } });
    const assertInvalid = (r) => {
        assert.equal(r.statusCode, 401, r.body);
        assert.equal(r.headers['www-authenticate'], 'Bearer realm="tollgate", error="invalid_token", error_description="The access token is invalid, expired or revoked"');
        assert.equal(r.json().code, 900901);
    };
    it('admits a JWT access token, the first time and from its cache', async () => {
        const token = await jwt();
        assert.equal((await get(token)).statusCode, 200);
        assert.equal((await get(token)).statusCode, 200);
    });
    it('refuses a JWT of another issuer or audience, of typ JWT, or revoked', async () => {
        assertInvalid(await get(await jwt({ iss: 'https://elsewhere' })));
        assertInvalid(await get(await jwt({ aud: 'https://elsewhere' })));
        assertInvalid(await get(await jwt({}, 'JWT')));
        assertInvalid(await get(await jwt({ jti: 'revoked-jti' })));
    });
    it('admits an active opaque token, and refuses an inactive one', async () => {
        assert.equal((await get('opaque')).statusCode, 200);
        assertInvalid(await get('unknown-token'));
    });
    it('answers 503 900900 when the Key Manager cannot be asked', async () => {
        const r = await get('km-down');
        assert.equal(r.statusCode, 503);
        assert.equal(r.headers['retry-after'], '2');
        assert.equal(r.json().code, 900900);
    });
});
//# sourceMappingURL=validate.test.js.map