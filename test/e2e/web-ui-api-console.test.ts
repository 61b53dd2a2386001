// Issue #13, the Developer Portal's catalogue and API console in Debian's chromium: a visitor
// who has not signed in browses the published APIs and an API's page (description, resources,
// scopes, tiers, its OpenAPI definition read in Swagger UI and downloaded) under the page's
// strict CSP without a console error; once the admin requires sign-in, the catalogue is behind
// the sign-in form; and a signed-in developer picks an application subscribed to the API, gets
// a test token, and calls the API from the console through the Gateway to a real backend,
// seeing the request, status, headers and body.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startBackend, type Backend } from '../helpers/gateway-setup.js';
import {
  basic,
  call,
  createFixture,
  startTestServer,
  type Fixture,
  type TestServer,
} from '../helpers/tollgate.js';

const ADMIN = { authorization: basic('admin', 'Admin-Password-For-Tests') };
const PUBLISHER = { authorization: basic('pat', 'pat-publishes-apis') };
const JSON_TYPE = { 'content-type': 'application/json' };

describe('the Developer Portal catalogue and API console', () => {
  let server: TestServer;
  let backend: Backend;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let apiId = '';
  let dev: Fixture;
  const problems: string[] = [];

  const setAnonymous = async (on: boolean) => {
    const r = await call(server, `${server.management}/api/admin/v1/settings`, {
      method: 'PUT',
      headers: { ...ADMIN, ...JSON_TYPE },
      body: JSON.stringify({ anonymousCatalogue: on }),
    });
    assert.equal(r.status, 200, r.text);
  };

  before(async () => {
    backend = await startBackend('console-backend');
    server = await startTestServer({ settings: { 'apim.gateway.sync_interval_ms': 200 } });
    const s = server.services;
    await s.users.create({ username: 'pat', password: 'pat-publishes-apis', roles: ['publisher'] });
    const scope = await call(server, `${server.management}/api/publisher/v1/scopes`, {
      method: 'POST',
      headers: { ...PUBLISHER, ...JSON_TYPE },
      body: JSON.stringify({ name: 'menu_read', description: 'Read the menu', roles: [] }),
    });
    assert.ok(scope.status < 300, scope.text);
    const created = await call(server, `${server.management}/api/publisher/v1/apis`, {
      method: 'POST',
      headers: { ...PUBLISHER, ...JSON_TYPE },
      body: JSON.stringify({
        name: 'PizzaShack',
        context: '/pizzashack',
        version: '1.0.0',
        description: 'Order pizzas and read the menu.',
        productionUrl: `${backend.url}/v1`,
        resources: [
          { method: 'GET', uriTemplate: '/menu', scope: 'menu_read' },
          { method: 'POST', uriTemplate: '/order/{orderId}' },
        ],
      }),
    });
    assert.equal(created.status, 201, created.text);
    apiId = created.json.id;
    const published = await call(
      server,
      `${server.management}/api/publisher/v1/apis/${apiId}/lifecycle`,
      { method: 'POST', headers: { ...PUBLISHER, ...JSON_TYPE }, body: '{"action":"publish"}' },
    );
    assert.equal(published.status, 200, published.text);
    dev = await createFixture(server, { username: 'dev', appName: 'PizzaApp' });
    const app = await s.applications.get((await s.users.get('dev')).id, 'PizzaApp');
    const sub = await call(server, `${server.management}/api/devportal/v1/subscriptions`, {
      method: 'POST',
      headers: { authorization: basic('dev', dev.password), ...JSON_TYPE },
      body: JSON.stringify({ applicationId: app.id, apiId, throttlingPolicy: 'Gold' }),
    });
    assert.equal(sub.status, 201, sub.text);
    browser = await launchBrowser();
    page = browser.page;
    // Everything chromium would show in red in its console (CSP violations included).
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`failed ${r.url()}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await backend?.stop();
  });

  it('lets a visitor browse the APIs and read an API and its OpenAPI definition without signing in', async () => {
    await page.goto(`${server.management}/devportal`);
    await page.getByRole('link', { name: 'Browse the APIs' }).click();
    await page.getByRole('heading', { name: 'APIs', exact: true }).waitFor();
    await page.getByRole('link', { name: 'PizzaShack' }).click();
    await page.getByRole('heading', { name: /^PizzaShack 1\.0\.0/ }).waitFor();
    await page.getByText('Order pizzas and read the menu.').first().waitFor();
    const scopes = page.getByRole('table').filter({ hasText: 'Description' });
    assert.deepEqual(await scopes.locator('tbody tr').allInnerTexts(), [
      'menu_read\tRead the menu',
    ]);
    const tiers = await page.locator('ul.tiers li').allInnerTexts();
    assert.ok(tiers.includes('Gold (5000 requests/min)'), tiers.join());
    // Swagger UI draws the definition's operations.
    await page.locator('.opblock-summary-path', { hasText: '/menu' }).waitFor();
    assert.equal(await page.locator('.opblock').count(), 2);
    await page.getByText('Sign in', { exact: true }).first().waitFor();
    await screenshot(page, '40-devportal-api-page-visitor');
    const link = page.getByRole('link', { name: 'Download the OpenAPI definition' });
    assert.equal(await link.getAttribute('download'), 'PizzaShack-1.0.0.json');
    const definition = await call(server, `${server.management}${await link.getAttribute('href')}`);
    assert.equal(definition.status, 200);
    assert.equal(definition.json.openapi, '3.0.3');
    assert.deepEqual(definition.json.servers, [{ url: `${server.gateway}/pizzashack/1.0.0` }]);
    assert.deepEqual(definition.json.paths['/menu'].get.security, [{ default: ['menu_read'] }]);
    assert.deepEqual(problems, []);
  });

  it('puts the catalogue behind the sign-in form once the admin requires sign-in', async () => {
    await setAnonymous(false);
    try {
      const refused = await call(server, `${server.management}/api/devportal/v1/apis`);
      assert.equal(refused.status, 401);
      const definition = await call(
        server,
        `${server.management}/api/devportal/v1/apis/${apiId}/swagger`,
      );
      assert.equal(definition.status, 401);
      await page.goto(`${server.management}/devportal#/apis/${apiId}`);
      await page.reload();
      await page.getByRole('heading', { name: 'Sign in to the Developer Portal' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Browse the APIs' }).count(), 0);
      await screenshot(page, '41-devportal-catalogue-sign-in-required');
      const allowed = await call(server, `${server.management}/api/devportal/v1/apis`, {
        headers: { authorization: basic('dev', dev.password) },
      });
      assert.deepEqual([allowed.status, allowed.json.count], [200, 1]);
    } finally {
      await setAnonymous(true);
    }
  });

  it("calls the API through the Gateway from the console with a subscribed application's token", async () => {
    problems.length = 0;
    await page.goto(`${server.management}/devportal#/signin`);
    await page.getByLabel('Username').fill('dev');
    await page.getByLabel('Password').fill(dev.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Applications' }).waitFor();
    await page.goto(`${server.management}/devportal#/apis/${apiId}`);
    await page.getByLabel('Application').waitFor();
    assert.equal(
      await page.getByLabel('Application').locator('option:checked').innerText(),
      'PizzaApp',
    );
    await page.getByRole('button', { name: 'Get test token' }).click();
    await page.getByText(/Calls carry a production token of PizzaApp \(scope: menu_read/).waitFor();
    const menu = page.locator('.opblock-get');
    await menu.locator('.opblock-summary').click();
    await menu.getByRole('button', { name: 'Try it out' }).click();
    await menu.getByRole('button', { name: 'Execute' }).click();
    const status = menu.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor();
    assert.equal((await status.innerText()).trim(), '200');
    const body = JSON.parse(
      await menu.locator('.live-responses-table .microlight').first().innerText(),
    );
    assert.equal(body.backend, 'console-backend');
    assert.equal(body.url, '/v1/menu');
    assert.equal(body.headers.authorization, undefined, 'the token stays at the Gateway');
    // Headers a cross-origin page may read (CORS): the content type, among others.
    const answer = await menu.locator('.live-responses-table').innerText();
    assert.match(answer, /Response headers\s+content-type: application\/json/);
    // The request as sent: the Gateway URL and the bearer token in the curl line.
    const curl = await menu.locator('.curl-command').innerText();
    assert.match(curl, new RegExp(`${server.gateway}/pizzashack/1.0.0/menu`));
    assert.match(curl, /Authorization: Bearer /);
    await menu.locator('.live-responses-table').scrollIntoViewIfNeeded();
    await screenshot(page, '42-devportal-api-console-try-it');
    assert.deepEqual(problems, []);
  });

  it("shows the definition the publisher gave, at the Gateway, until the API's resources are edited", async () => {
    const given = [
      'openapi: 3.0.3',
      'info: {title: PizzaShack, version: 1.0.0}',
      'servers: [{url: "http://backend.internal/v1"}]',
      'paths:',
      '  /menu:',
      '    get:',
      '      summary: The pizzas of the day',
      '      security: [{default: [menu_read]}]',
      '      responses: {"200": {description: The menu}}',
      '',
    ].join('\n');
    const put = await call(server, `${server.management}/api/publisher/v1/apis/${apiId}/openapi`, {
      method: 'PUT',
      headers: { ...PUBLISHER, 'content-type': 'application/yaml' },
      body: given,
    });
    assert.equal(put.status, 200, put.text);
    const swagger = `${server.management}/api/devportal/v1/apis/${apiId}/swagger`;
    const shown = await call(server, swagger);
    assert.equal(shown.json.paths['/menu'].get.summary, 'The pizzas of the day');
    assert.deepEqual(shown.json.servers, [{ url: `${server.gateway}/pizzashack/1.0.0` }]);
    const edited = await call(server, `${server.management}/api/publisher/v1/apis/${apiId}`, {
      method: 'PUT',
      headers: { ...PUBLISHER, ...JSON_TYPE },
      body: JSON.stringify({ resources: [{ method: 'GET', uriTemplate: '/menu' }] }),
    });
    assert.equal(edited.status, 200, edited.text);
    const made = await call(server, swagger);
    assert.equal(made.json.paths['/menu'].get.summary, undefined);
    assert.deepEqual(made.json.paths['/menu'].get.security, [{ default: [] }]);
  });
});
