// The Publisher, the Developer Portal's APIs and Subscriptions, and the Admin's audit log and
// locked accounts, in Debian's chromium (playwright-core). A publisher creates an API in the
// Publisher UI pointing at a real backend process, bound to a scope, and publishes it; a
// developer signs up, subscribes in the Developer Portal and generates a token there; the token
// reaches the backend through the Gateway, a token without the scope gets 403 (900910).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { eventually, startBackend, type Backend } from '../helpers/gateway-setup.js';
import { basic, call, postForm, startTestServer, type TestServer } from '../helpers/tollgate.js';

const ADMIN_PASSWORD = 'Admin-Password-For-Tests';
type Browser = Awaited<ReturnType<typeof launchBrowser>>;

async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('Publisher, subscriptions and audit pages in chromium', () => {
  let server: TestServer;
  let backend: Backend;
  const browsers: Browser[] = [];
  let publisher: Page;
  let developer: Page;
  const state: { apiUrl?: string; appUrl?: string; consumerKey?: string; consumerSecret?: string } =
    {};

  before(async () => {
    backend = await startBackend('web-ui-backend');
    server = await startTestServer();
    await server.services.users.create({
      username: 'pat',
      password: 'pat-publishes-apis',
      roles: ['publisher'],
    });
    for (let i = 0; i < 2; i++) browsers.push(await launchBrowser());
    publisher = browsers[0]!.page;
    developer = browsers[1]!.page;
  });
  after(async () => {
    for (const b of browsers) await b.close();
    await server?.close();
    await backend?.stop();
  });

  it('a publisher creates a scope bound to a role', async () => {
    await signIn(publisher, `${server.management}/publisher`, 'pat', 'pat-publishes-apis');
    await publisher.getByRole('heading', { name: 'APIs' }).waitFor();
    await publisher.getByRole('link', { name: 'Scopes' }).click();
    await publisher.getByLabel('Scope name').fill('menu_read');
    await publisher.getByLabel('Description', { exact: true }).fill('Read the menu');
    await publisher.getByLabel('Roles', { exact: true }).fill('customer');
    await publisher.getByRole('button', { name: 'Create scope' }).click();
    await publisher.getByText('Scope menu_read created.').waitFor();
    assert.equal(await publisher.getByLabel('Roles of menu_read').inputValue(), 'customer');
    // A REST refusal is shown in the alert region.
    await publisher.getByLabel('Scope name').fill('bad scope');
    await publisher.getByRole('button', { name: 'Create scope' }).click();
    await publisher.locator('#error').waitFor({ state: 'visible' });
    assert.match((await publisher.locator('#error').textContent())!, /scope/i);
    await screenshot(publisher, '11-publisher-scopes');
  });

  it('creates an API with resources pointing at the backend and publishes it', async () => {
    await publisher.getByRole('link', { name: 'APIs' }).click();
    await publisher.getByRole('link', { name: 'Create API' }).click();
    await publisher.getByLabel('Name', { exact: true }).fill('PizzaShack');
    await publisher.getByLabel('Context', { exact: true }).fill('/pizzashack');
    await publisher.getByLabel('Version', { exact: true }).fill('1.0.0');
    await publisher.getByLabel('Description', { exact: true }).fill('Order pizza online.');
    await publisher.getByLabel('Production endpoint URL').fill(`${backend.url}/v1`);
    await publisher.getByLabel('URI template of resource 1').fill('/menu');
    await publisher.getByLabel('Scope of resource 1').selectOption('menu_read');
    await publisher.getByRole('button', { name: 'Add resource' }).click();
    await publisher.getByLabel('URI template of resource 2').fill('/health');
    await publisher.getByLabel('Authentication of resource 2').selectOption('none');
    assert.equal(await publisher.getByLabel('Scope of resource 2').isDisabled(), true);
    await screenshot(publisher, '12-publisher-create-api');
    await publisher.getByRole('button', { name: 'Create API' }).click();
    await publisher.getByRole('heading', { name: 'Lifecycle' }).waitFor();
    state.apiUrl = publisher.url();
    assert.equal(await publisher.locator('#api-status').textContent(), 'CREATED');
    assert.deepEqual(
      await publisher.locator('#lifecycle-title ~ .actions button').allTextContents(),
      ['Publish'],
    );
    await publisher.getByRole('button', { name: 'Publish' }).click();
    await publisher.getByText('PizzaShack 1.0.0 is now PUBLISHED.').waitFor();
    assert.equal(await publisher.locator('#api-status').textContent(), 'PUBLISHED');
    assert.deepEqual(
      await publisher.locator('#lifecycle-title ~ .actions button').allTextContents(),
      ['Deprecate', 'Block'],
    );
    await screenshot(publisher, '13-publisher-api-published');
    await publisher.getByRole('link', { name: '← APIs' }).click();
    const row = publisher.locator('#apis tbody tr');
    await row.first().waitFor();
    assert.deepEqual((await row.first().locator('th, td').allTextContents()).slice(0, 5), [
      'PizzaShack',
      '1.0.0',
      '/pizzashack/1.0.0',
      'PUBLISHED',
      '2',
    ]);
    await screenshot(publisher, '14-publisher-apis');
  });

  it('imports resources from a pasted OpenAPI document when creating an API', async () => {
    await publisher.getByRole('link', { name: 'Create API' }).click();
    await publisher.getByLabel('Name', { exact: true }).fill('Echo');
    await publisher.getByLabel('Context', { exact: true }).fill('/echo');
    await publisher.getByLabel('Production endpoint URL').fill(backend.url);
    await publisher.getByText('Import resources from an OpenAPI document').click();
    await publisher
      .getByLabel('OpenAPI document (JSON or YAML)')
      .fill(
        'openapi: 3.0.3\ninfo: {title: Echo, version: 1.0.0}\npaths:\n  /say/{word}:\n    post: {security: [{default: [menu_read]}]}\n',
      );
    await publisher.getByRole('button', { name: 'Create API' }).click();
    await publisher.getByRole('heading', { name: 'Lifecycle' }).waitFor();
    assert.equal(await publisher.getByLabel('Method of resource 1').inputValue(), 'POST');
    assert.equal(
      await publisher.getByLabel('URI template of resource 1').inputValue(),
      '/say/{word}',
    );
    assert.equal(await publisher.getByLabel('Scope of resource 1').inputValue(), 'menu_read');
    assert.equal(await publisher.getByLabel('URI template of resource 2').count(), 0);
  });

  it('a developer sees the published API and subscribes an application to it with a tier', async () => {
    await developer.goto(`${server.management}/devportal#/signup`);
    await developer.getByLabel('Username').fill('dave');
    await developer.getByLabel('Password').fill('dave-eats-pizza-42');
    await developer.getByRole('button', { name: 'Create account' }).click();
    await developer.getByRole('heading', { name: 'Applications' }).waitFor();
    await developer.getByRole('link', { name: 'APIs', exact: true }).click();
    await developer.getByRole('heading', { name: /PizzaShack/ }).waitFor();
    const resources = await developer
      .locator('table.resources')
      .first()
      .locator('tbody tr')
      .allInnerTexts();
    assert.deepEqual(
      resources.map((r) => r.split('\t').map((c) => c.trim())),
      [
        ['GET', '/pizzashack/1.0.0/menu', 'menu_read', 'OAuth2 token'],
        ['GET', '/pizzashack/1.0.0/health', '—', 'None'],
      ],
    );
    assert.equal(await developer.getByText('not yet available').count(), 0);
    await screenshot(developer, '15-devportal-apis');

    await developer.getByRole('link', { name: 'Applications', exact: true }).click();
    await developer.getByLabel('Name').fill('DaveApp');
    await developer.getByRole('button', { name: 'Create' }).click();
    await developer.getByRole('button', { name: 'Generate Keys' }).click();
    await developer.getByLabel('Consumer secret').waitFor();
    state.consumerKey = await developer.getByLabel('Consumer key').inputValue();
    state.consumerSecret = await developer.getByLabel('Consumer secret').inputValue();
    state.appUrl = developer.url();
    await developer.getByRole('link', { name: 'Subscriptions' }).click();
    await developer.locator('#no-subscriptions').waitFor();
    await developer
      .getByLabel('API', { exact: true })
      .selectOption({ label: 'PizzaShack 1.0.0 (/pizzashack/1.0.0)' });
    await developer.getByLabel('Tier').selectOption('Gold');
    await developer.getByRole('button', { name: 'Subscribe' }).click();
    await developer.getByText('Subscribed to PizzaShack 1.0.0 (/pizzashack/1.0.0).').waitFor();
    const rows = await developer.locator('#subscriptions tbody tr').allInnerTexts();
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]!.split('\t').slice(0, 3), [
      'PizzaShack 1.0.0',
      '/pizzashack/1.0.0',
      'Gold',
    ]);
    await screenshot(developer, '16-devportal-subscriptions');
  });

  it('the developer is refused by the Publisher', async () => {
    const refused = await launchBrowser();
    browsers.push(refused);
    await signIn(refused.page, `${server.management}/publisher`, 'dave', 'dave-eats-pizza-42');
    await refused.page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    assert.equal(
      await refused.page.locator('#not-allowed p').textContent(),
      'The Publisher is for users with the admin or publisher role; dave does not have it. Ask an administrator to grant it.',
    );
    await screenshot(refused.page, '17-publisher-not-allowed');
    const rest = await call(server, `${server.management}/api/publisher/v1/apis`, {
      headers: { authorization: basic('dave', 'dave-eats-pizza-42') },
    });
    assert.equal(rest.status, 403);
  });

  it("the admin sees a failed login in the audit log, unlocks a locked account and grants the scope's role", async () => {
    await server.services.users.create({
      username: 'erin',
      password: 'erin-password-1',
      roles: [],
    });
    for (let i = 0; i < 5; i++) {
      const r = await postForm(
        server,
        `${server.gateway}/token`,
        { grant_type: 'password', username: 'erin', password: 'wrong-password' },
        { authorization: basic(state.consumerKey!, state.consumerSecret!) },
      );
      assert.equal(r.status, 400);
    }
    const admin = await launchBrowser();
    browsers.push(admin);
    const page = admin.page;
    await signIn(page, `${server.management}/admin`, 'admin', 'not-the-admin-password');
    await page.locator('#error').waitFor({ state: 'visible' });
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Users and roles' }).waitFor();

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Event type').selectOption('login.failed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.locator('#audit-events').waitFor();
    const rows = (await page.locator('#audit-events tbody tr').allInnerTexts()).map((r) =>
      r.split('\t').map((c) => c.trim()),
    );
    assert.ok(rows.every((r) => r[1] === 'Failed login'));
    assert.deepEqual(rows[0]!.slice(1, 4), ['Failed login', 'wrong_password', 'admin']);
    assert.equal(rows.filter((r) => r[3] === 'erin').length, 5);
    await screenshot(page, '18-admin-audit-log');

    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.locator('#stats-failed svg.chart').waitFor();
    const failed = await page.locator('#stats-failed tbody td').allTextContents();
    assert.equal(
      failed.map(Number).reduce((a, b) => a + b, 0),
      6,
    );

    await page.getByRole('link', { name: 'Locked accounts' }).click();
    await page.getByRole('rowheader', { name: 'erin' }).waitFor();
    await screenshot(page, '19-admin-locked-accounts');
    await page.getByRole('button', { name: 'Unlock erin' }).click();
    await page.getByText('erin is unlocked.').waitFor();
    await page.locator('#no-locked').waitFor();
    const unlocked = await postForm(
      server,
      `${server.gateway}/token`,
      { grant_type: 'password', username: 'erin', password: 'erin-password-1' },
      { authorization: basic(state.consumerKey!, state.consumerSecret!) },
    );
    assert.equal(unlocked.status, 200);

    await page.getByRole('link', { name: 'Users and roles' }).click();
    await page.getByLabel('Roles of dave').fill('customer');
    await page
      .getByRole('row', { name: /dave/ })
      .getByRole('button', { name: 'Save roles' })
      .click();
    await page.getByText('Roles of dave saved.').waitFor();
  });

  it('a token generated in the Developer Portal calls the API through the Gateway; one without the scope gets 403', async () => {
    await developer.goto(state.appUrl!);
    await developer.getByRole('heading', { name: 'Production Keys' }).waitFor();
    const token = async (scopes: string) => {
      await developer.getByLabel('Scopes', { exact: true }).fill(scopes);
      await developer.getByRole('button', { name: 'Generate access token' }).click();
      await developer.getByText(`Scope: ${scopes || 'default'} ·`).waitFor();
      return developer.getByRole('textbox', { name: 'Access token' }).inputValue();
    };
    const scoped = await token('menu_read');
    await screenshot(developer, '20-devportal-token-with-scope');
    const unscoped = await token('');
    const get = (t: string) =>
      call(server, `${server.gateway}/pizzashack/1.0.0/menu`, {
        headers: { authorization: `Bearer ${t}` },
      });
    const ok = await eventually(
      () => get(scoped),
      (r) => r.status === 200,
    );
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.backend, 'web-ui-backend');
    assert.equal(ok.json.method, 'GET');
    assert.equal(ok.json.url, '/v1/menu');
    const refused = await get(unscoped);
    assert.equal(refused.status, 403);
    assert.equal(refused.json.code, 900910);
    const open = await call(server, `${server.gateway}/pizzashack/1.0.0/health`);
    assert.equal(open.status, 200);
    assert.equal(open.json.url, '/v1/health');
  });
});
