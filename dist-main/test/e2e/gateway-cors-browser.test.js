// CORS at the Gateway in Debian's chromium (Fetch standard §3.2, the CORS protocol): a single-page
// application served from another origin calls a published API with a bearer token (the browser
// sends a preflight first, which the Gateway answers without a token) and reads the answer;
// once the publisher limits the API's CORS to that origin in the Publisher page, a page from any
// other origin is blocked by the browser itself.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { eventually, startBackend } from '../helpers/gateway-setup.js';
import { basic, call, createFixture, postForm, startTestServer, } from '../helpers/tollgate.js';
// The application: fetch the API with the token from the query string, show what came back.
const APP_PAGE = `<!doctype html><html><head><title>Pizza app</title></head><body><p id="out">calling</p>
<script>
const p = new URLSearchParams(location.search);
fetch(p.get('api'), { headers: { authorization: 'Bearer ' + p.get('token') } })
  .then(async (r) => { out.textContent = 'answer ' + r.status + ' ' + (await r.text()); })
  .catch((e) => { out.textContent = 'blocked ' + e.name; });
</script></body></html>`;
async function serveApp() {
    const server = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(APP_PAGE);
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    return { origin: `http://127.0.0.1:${server.address().port}`, server };
}
describe('CORS: browser applications from other origins call APIs through the Gateway', () => {
    let server;
    let backend;
    let browser;
    let page;
    const apps = [];
    let apiId = '';
    let token = '';
    const appResult = async (origin) => {
        const api = `${server.gateway}/pizzashack/1.0.0/menu`;
        await page.goto(`${origin}/?api=${encodeURIComponent(api)}&token=${token}`);
        await page.locator('#out').filter({ hasNotText: 'calling' }).waitFor();
        return (await page.locator('#out').textContent());
    };
    before(async () => {
        backend = await startBackend('cors-backend');
        server = await startTestServer({ settings: { 'apim.gateway.sync_interval_ms': 200 } });
        apps.push(await serveApp(), await serveApp());
        const s = server.services;
        await s.users.create({ username: 'pat', password: 'pat-publishes-apis', roles: ['publisher'] });
        const pat = {
            authorization: basic('pat', 'pat-publishes-apis'),
            'content-type': 'application/json',
        };
        const created = await call(server, `${server.management}/api/publisher/v1/apis`, {
            method: 'POST',
            headers: pat,
            body: JSON.stringify({
                name: 'PizzaShack',
                context: '/pizzashack',
                version: '1.0.0',
                productionUrl: `${backend.url}/v1`,
                resources: [{ method: 'GET', uriTemplate: '/menu' }],
            }),
        });
        assert.equal(created.status, 201, created.text);
        assert.equal(created.json.corsConfiguration, null, "the Gateway's [apim.cors] by default");
        apiId = created.json.id;
        await call(server, `${server.management}/api/publisher/v1/apis/${apiId}/lifecycle`, {
            method: 'POST',
            headers: pat,
            body: JSON.stringify({ action: 'publish' }),
        });
        const fx = await createFixture(server, { username: 'dev', appName: 'SpaApp' });
        const dev = await s.users.get('dev');
        const app = await s.applications.get(dev.id, 'SpaApp');
        const sub = await call(server, `${server.management}/api/devportal/v1/subscriptions`, {
            method: 'POST',
            headers: { authorization: basic('dev', fx.password), 'content-type': 'application/json' },
            body: JSON.stringify({ applicationId: app.id, apiId, throttlingPolicy: 'Unlimited' }),
        });
        assert.equal(sub.status, 201, sub.text);
        token = (await postForm(server, `${server.gateway}/token`, { grant_type: 'client_credentials' }, { authorization: fx.authorization })).json.access_token;
        browser = await launchBrowser();
        page = browser.page;
    });
    after(async () => {
        await browser?.close();
        for (const a of apps)
            await new Promise((r) => a.server.close(r));
        await server?.close();
        await backend?.stop();
    });
    it('with the Gateway defaults (any origin), a page from another origin reads the API with its token', async () => {
        const result = await eventually(() => appResult(apps[0].origin), (r) => r.startsWith('answer 200'));
        assert.match(result, /^answer 200 /);
        const echoed = JSON.parse(result.slice('answer 200 '.length));
        assert.equal(echoed.backend, 'cors-backend');
        assert.equal(echoed.url, '/v1/menu');
        assert.equal(echoed.headers.origin, apps[0].origin);
        assert.equal(echoed.headers.authorization, undefined, 'the token stays at the Gateway');
    });
    it("the publisher limits the API's CORS to one origin in the Publisher page", async () => {
        await page.goto(`${server.management}/publisher`);
        await page.getByLabel('Username').fill('pat');
        await page.getByLabel('Password').fill('pat-publishes-apis');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('link', { name: 'PizzaShack' }).click();
        await page.getByLabel('CORS for browser applications').selectOption('own');
        await page.getByLabel('Allowed origins').fill(apps[0].origin);
        await page.getByLabel('Preflight max age (seconds)').fill('0');
        await screenshot(page, '30-publisher-api-cors');
        await page.getByRole('button', { name: 'Save API' }).click();
        await page.getByText('API saved.').waitFor();
        const saved = await call(server, `${server.management}/api/publisher/v1/apis/${apiId}`, {
            headers: { authorization: basic('pat', 'pat-publishes-apis') },
        });
        assert.deepEqual(saved.json.corsConfiguration, {
            corsConfigurationEnabled: true,
            accessControlAllowOrigins: [apps[0].origin],
            accessControlAllowCredentials: false,
            accessControlAllowHeaders: ['authorization', 'content-type', 'soapaction', 'apikey'],
            accessControlAllowMethods: ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'],
            accessControlMaxAge: 0,
        });
    });
    it('then a page from another origin is blocked by the browser, and the allowed one still reads the API', async () => {
        const blocked = await eventually(() => appResult(apps[1].origin), (r) => r.startsWith('blocked'));
        assert.equal(blocked, 'blocked TypeError');
        await screenshot(page, '31-cors-blocked-origin');
        assert.match(await appResult(apps[0].origin), /^answer 200 /);
        // What the browser saw: the preflight refused without CORS headers.
        const preflight = await call(server, `${server.gateway}/pizzashack/1.0.0/menu`, {
            method: 'OPTIONS',
            headers: {
                origin: apps[1].origin,
                'access-control-request-method': 'GET',
                'access-control-request-headers': 'authorization',
            },
        });
        assert.equal(preflight.status, 403);
        assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    });
});
//# sourceMappingURL=gateway-cors-browser.test.js.map