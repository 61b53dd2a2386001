// CSRF on the management REST API whatever the credential. A browser that once answered a
// `WWW-Authenticate: Basic` challenge sends those credentials with every later request to the
// origin, including a cross-site `text/plain` POST, which needs no CORS preflight (Fetch
// §4.1 "CORS-safelisted request-header"). So: no Basic challenge from the management API, and
// every unsafe request a browser marks as cross-site (Origin, Sec-Fetch-Site) is refused, with
// Basic as with the session cookie. Scripts send neither header and keep working.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { basic, call, createFixture, postForm, startTestServer, } from '../helpers/tollgate.js';
const ADMIN = basic('admin', 'Admin-Password-For-Tests');
describe('cross-site writes to the management REST API', () => {
    let server;
    let fx;
    let appId;
    let apiId;
    before(async () => {
        server = await startTestServer();
        fx = await createFixture(server, { username: 'erin', appName: 'ErinApp' });
        const erin = await server.services.users.get('erin');
        appId = (await server.services.applications.get(erin.id, 'ErinApp')).id;
        const created = await call(server, `${server.management}/api/publisher/v1/apis`, {
            method: 'POST',
            headers: { authorization: ADMIN, 'content-type': 'application/json' },
            body: JSON.stringify({
                name: 'Csrf',
                context: '/csrf',
                version: '1.0.0',
                productionUrl: 'http://127.0.0.1:9',
            }),
        });
        apiId = created.json.id;
    });
    after(() => server?.close());
    const erin = () => basic('erin', fx.password);
    // A browser's cross-site form or fetch without a preflight is a text/plain POST; a script
    // (curl -X POST) sends no body at all.
    const regenerate = (headers, asScript = false) => call(server, `${server.management}/api/devportal/v1/applications/${appId}/keys/production/regenerate-secret`, asScript
        ? { method: 'POST', headers: { authorization: erin(), ...headers } }
        : {
            method: 'POST',
            headers: { authorization: erin(), 'content-type': 'text/plain', ...headers },
            body: 'x',
        });
    // Cross-site: a text/plain POST (no preflight); the Publisher page itself sends JSON.
    const block = (headers, asPage = false) => call(server, `${server.management}/api/publisher/v1/apis/${apiId}/lifecycle?action=publish`, {
        method: 'POST',
        headers: {
            authorization: ADMIN,
            'content-type': asPage ? 'application/json' : 'text/plain',
            ...headers,
        },
        body: asPage ? JSON.stringify({ action: 'publish' }) : '',
    });
    const secretStillWorks = async () => (await postForm(server, `${server.gateway}/token`, { grant_type: 'client_credentials' }, { authorization: fx.authorization })).status === 200;
    it('refuses a cross-site text/plain POST carrying HTTP Basic, and changes nothing', async () => {
        const variants = [
            { origin: 'https://evil.example' },
            { origin: 'null' },
            { 'sec-fetch-site': 'cross-site' },
            // Another port of this host (the Gateway serves backends' pages there) is same-site.
            { 'sec-fetch-site': 'same-site', origin: server.gateway },
            { 'sec-fetch-site': 'cross-site', origin: server.management },
        ];
        for (const headers of variants) {
            const r = await regenerate(headers);
            assert.deepEqual([r.status, r.json], [
                403,
                { code: 403, message: 'Forbidden', description: 'Cross-origin requests are refused.' },
            ], JSON.stringify(headers));
            const lifecycle = await block(headers);
            assert.equal(lifecycle.status, 403, JSON.stringify(headers));
        }
        assert.equal(await secretStillWorks(), true);
        const api = await call(server, `${server.management}/api/publisher/v1/apis/${apiId}`, {
            headers: { authorization: ADMIN },
        });
        assert.equal(api.json.status, 'CREATED');
    });
    it('refuses cross-site writes before the credentials are even checked', async () => {
        const r = await call(server, `${server.management}/api/admin/v1/users`, {
            method: 'POST',
            headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
            body: '{}',
        });
        assert.equal(r.status, 403);
    });
    it('lets scripts (no Origin, no Sec-Fetch-Site) and same-origin pages write', async () => {
        const script = await regenerate({}, true);
        assert.equal(script.status, 200, script.text);
        assert.equal(await secretStillWorks(), false);
        const sameOrigin = await block({ origin: server.management, 'sec-fetch-site': 'same-origin' }, true);
        assert.equal(sameOrigin.status, 200, sameOrigin.text);
        assert.equal(sameOrigin.json.status, 'PUBLISHED');
    });
    it('never challenges with WWW-Authenticate: Basic, while the Token API keeps RFC 6749 §5.2', async () => {
        const variants = [
            {},
            { authorization: basic('erin', 'wrong password here') },
        ];
        for (const headers of variants) {
            const r = await call(server, `${server.management}/api/devportal/v1/applications`, {
                headers,
            });
            assert.equal(r.status, 401);
            assert.equal(r.headers['www-authenticate'], undefined);
        }
        const token = await postForm(server, `${server.management}/oauth2/token`, { grant_type: 'client_credentials' }, { authorization: basic(fx.consumerKey, 'wrong-secret') });
        assert.equal(token.status, 401);
        assert.match(token.headers['www-authenticate'], /^Basic realm="tollgate"/);
    });
});
//# sourceMappingURL=cross-site-writes.test.js.map