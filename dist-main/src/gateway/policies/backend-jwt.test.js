// backend jwt ([apim.jwt], WSO2's X-JWT-Assertion): the caller's identity to the backend as a
// JWT signed by the Gateway and verifiable against its JWKS, reused per caller; a client-sent
// assertion never reaches a backend.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { newBackendJwtKey } from '../backend-jwt-key.js';
import { gatewayPolicies } from './chain.js';
import { DEFAULT_CORS } from '../../config/cors.js';
import { createBackendJwtSigner } from '../backend-jwt.js';
import { activeToken, startTestGateway } from '../testing.js';
const FORGED = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.';
describe('backend jwt: off (the default)', () => {
    let gw;
    before(async () => {
        gw = await startTestGateway({ tokens: { t1: activeToken() } });
    });
    after(() => gw.close());
    it('drops a client-sent X-JWT-Assertion and sends none, on token and open resources', async () => {
        for (const [url, auth] of [
            ['/shop/1.0/items', { authorization: 'Bearer t1' }],
            ['/shop/1.0/open', {}],
        ]) {
            const r = await gw.app.inject({ url, headers: { ...auth, 'x-jwt-assertion': FORGED } });
            assert.equal(r.statusCode, 200, r.body);
            assert.equal(r.json().headers['x-jwt-assertion'], undefined, url);
        }
    });
    it('serves no JWKS and has no backend jwt step', async () => {
        assert.equal((await gw.app.inject({ url: '/.well-known/jwks.json' })).statusCode, 404);
        const deps = { proto: 'https', cors: DEFAULT_CORS, assertionHeader: 'x-jwt-assertion' };
        const names = (d) => gatewayPolicies(d).map((p) => p.name);
        assert.ok(!names(deps).includes('backend jwt'));
        const signer = createBackendJwtSigner({
            key: await newBackendJwtKey('ES256'),
            issuer: 'x',
            expirySeconds: 60,
        });
        assert.deepEqual(names({ ...deps, backendJwt: signer }).slice(-2), ['backend jwt', 'proxy']);
    });
});
describe('backend jwt: on', () => {
    let gw;
    let clock = Math.floor(Date.now() / 1000) * 1000;
    const tokenExp = Math.floor(clock / 1000) + 3600;
    before(async () => {
        gw = await startTestGateway({
            now: () => clock,
            tokens: {
                user: activeToken({ username: 'alice', sub: 'user-1', exp: tokenExp }),
                client: activeToken({ sub: 'ck-1', exp: tokenExp }),
                short: activeToken({ username: 'alice', exp: Math.floor(clock / 1000) + 120 }),
            },
            backendJwt: { key: await newBackendJwtKey('RS256') },
        });
    });
    after(() => gw.close());
    const assertionFor = async (token, headers = {}) => {
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            headers: { authorization: `Bearer ${token}`, ...headers },
        });
        assert.equal(r.statusCode, 200, r.body);
        return r.json().headers['x-jwt-assertion'];
    };
    const verify = async (jwt) => {
        const jwks = (await gw.app.inject({ url: '/.well-known/jwks.json' })).json();
        return jwtVerify(jwt, createLocalJWKSet(jwks), {
            issuer: 'https://gw.test',
            algorithms: ['RS256'],
            currentDate: new Date(clock),
        });
    };
    it("sends WSO2's claims, signed with the key the Gateway's JWKS publishes", async () => {
        const jwt = await assertionFor('user', { 'x-jwt-assertion': FORGED });
        assert.notEqual(jwt, FORGED);
        const { payload, protectedHeader } = await verify(jwt);
        assert.equal(protectedHeader.typ, 'JWT');
        const iat = Math.floor(clock / 1000);
        assert.deepEqual(payload, {
            iss: 'https://gw.test',
            sub: 'alice',
            iat,
            exp: iat + 900,
            client_id: 'ck-1',
            'http://wso2.org/claims/subscriber': 'olivia',
            'http://wso2.org/claims/applicationid': 'app-1',
            'http://wso2.org/claims/applicationUUId': 'app-1',
            'http://wso2.org/claims/applicationname': 'ShopApp',
            'http://wso2.org/claims/applicationtier': 'Unlimited',
            'http://wso2.org/claims/apiname': 'Shop',
            'http://wso2.org/claims/apicontext': '/shop/1.0',
            'http://wso2.org/claims/version': '1.0',
            'http://wso2.org/claims/tier': 'Gold',
            'http://wso2.org/claims/keytype': 'PRODUCTION',
            'http://wso2.org/claims/usertype': 'APPLICATION_USER',
            'http://wso2.org/claims/enduser': 'alice',
        });
    });
    it("names the application's owner as end user of its own token (client_credentials)", async () => {
        const { payload } = await verify(await assertionFor('client'));
        assert.equal(payload.sub, 'olivia');
        assert.equal(payload['http://wso2.org/claims/usertype'], 'APPLICATION');
    });
    it('reuses one JWT per caller for half its lifetime, then signs a new one', async () => {
        const first = await assertionFor('user');
        clock += 449_000;
        assert.equal(await assertionFor('user'), first);
        clock += 2_000;
        const next = await assertionFor('user');
        assert.notEqual(next, first);
        assert.equal(decodeJwt(next).iat, decodeJwt(first).iat + 451);
    });
    it('never outlives the access token', async () => {
        const { payload } = await verify(await assertionFor('short'));
        assert.ok(payload.exp <= Math.floor(clock / 1000) + 120);
    });
    it('sends none for a resource without authentication, and drops the client one', async () => {
        const r = await gw.app.inject({
            url: '/shop/1.0/open',
            headers: { 'x-jwt-assertion': FORGED },
        });
        assert.equal(r.json().headers['x-jwt-assertion'], undefined);
    });
});
describe('backend jwt in another header', () => {
    it('sends it there, and drops client-sent ones of either name', async () => {
        const gw = await startTestGateway({
            tokens: { t1: activeToken() },
            backendJwt: { key: await newBackendJwtKey('ES256'), header: 'x-caller' },
        });
        try {
            const r = await gw.app.inject({
                url: '/shop/1.0/items',
                headers: { authorization: 'Bearer t1', 'x-caller': FORGED, 'x-jwt-assertion': FORGED },
            });
            const seen = r.json().headers;
            assert.equal(seen['x-jwt-assertion'], undefined);
            assert.match(seen['x-caller'], /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
            assert.notEqual(seen['x-caller'], FORGED);
        }
        finally {
            await gw.close();
        }
    });
});
//# sourceMappingURL=backend-jwt.test.js.map