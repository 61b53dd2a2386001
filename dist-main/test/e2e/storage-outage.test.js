// SECURITY.md R54: "Database down → fail fast with 503 (bounded pool-acquire timeout ≈ 1–2 s),
// recover without a manual step". The outage is simulated with a TCP relay in front of the
// real PostgreSQL, which keeps running for everyone else.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../src/store/testing.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { createFixture, postForm, startTestServer, } from '../helpers/tollgate.js';
const UNAVAILABLE = {
    error: 'temporarily_unavailable',
    error_description: 'The service is temporarily unavailable; retry later.',
};
describe('PostgreSQL outage: the Token API answers 503 fast and recovers by itself', () => {
    let pgDb;
    let proxy;
    let server;
    let fx;
    before(async () => {
        pgDb = await createTestDatabase('postgres');
        const real = new URL(pgDb.config.url);
        proxy = new TcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
        const port = await proxy.start();
        const proxied = new URL(pgDb.config.url);
        proxied.hostname = '127.0.0.1';
        proxied.port = String(port);
        server = await startTestServer({
            settings: {
                'database.type': 'postgres',
                'database.url': proxied.toString(),
                'database.acquire_timeout_ms': 1500,
                'database.query_timeout_ms': 1500,
            },
        });
        fx = await createFixture(server);
    });
    after(async () => {
        await server?.close();
        await proxy?.close();
        await pgDb?.drop();
    });
    const grant = () => postForm(server, `${server.gateway}/token`, { grant_type: 'password', username: fx.username, password: fx.password }, { authorization: fx.authorization });
    const clientCredentials = () => postForm(server, `${server.gateway}/token`, { grant_type: 'client_credentials' }, { authorization: fx.authorization });
    function assertUnavailable(r, what) {
        assert.equal(r.status, 503, `${what}: ${r.text}`);
        assert.deepEqual(r.json, UNAVAILABLE, what);
        assert.equal(r.headers['retry-after'], '2', what);
        assert.equal(r.headers['cache-control'], 'no-store', what);
    }
    it('a silent network (connections hang): 503 + Retry-After, then 200 once it is back', { timeout: 60_000 }, async () => {
        assert.equal((await grant()).status, 200);
        proxy.blackhole();
        assertUnavailable(await grant(), 'password grant');
        assertUnavailable(await clientCredentials(), 'client_credentials');
        await proxy.resume();
        assert.equal((await grant()).status, 200);
    });
    it('a stopped server (connections refused): 503 at once, then 200 once it is back', { timeout: 60_000 }, async () => {
        await proxy.refuse();
        assertUnavailable(await grant(), 'password grant');
        assertUnavailable(await clientCredentials(), 'client_credentials');
        await proxy.resume();
        assert.equal((await clientCredentials()).status, 200);
        assert.equal((await grant()).status, 200);
    });
});
//# sourceMappingURL=storage-outage.test.js.map