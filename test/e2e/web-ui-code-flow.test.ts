// The authorization code flow in chromium, by what a user sees (issue #12): the application
// sends the browser to the Key Manager, the user signs in and allows the application, and the
// browser comes back to the application's callback (a loopback server here) with a code, state
// and iss; the application exchanges the code. Screenshots of each page.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { authorizeUrl, createCodeClient, newPkce } from '../helpers/code-flow.js';
import { postForm, startTestServer, type TestServer } from '../helpers/tollgate.js';

describe('the authorization code flow in chromium', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let app: Server;
  let callback: string;

  before(async () => {
    server = await startTestServer();
    await server.services.stores.scopes.upsert(
      { name: 'read', description: 'Read the pizza menu', roles: [] },
      Date.now(),
    );
    // The client application's callback, on the loopback interface (RFC 8252 §7.3).
    app = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>PizzaApp</title><h1>Back at the application</h1>');
    });
    await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
    callback = `http://127.0.0.1:${(app.address() as AddressInfo).port}/callback`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await new Promise((r) => app?.close(r));
    await server?.close();
  });

  it('signs in, allows, and comes back to the callback with a code the application exchanges', async () => {
    const client = await createCodeClient(server, { callbackUrls: [callback] });
    const pkce = newPkce();
    const { page } = browser;
    await page.goto(authorizeUrl(server, client, pkce, { scope: 'read' }));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Username').fill(client.username);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The username or password is wrong.' })
      .waitFor();
    await screenshot(page, '30-authorize-sign-in-wrong-password');
    await page.getByLabel('Password').fill(client.password);
    await screenshot(page, '31-authorize-sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page
      .getByRole('heading', { name: `Allow ${client.appName} to access your account?` })
      .waitFor();
    assert.equal(await page.getByText('read — Read the pizza menu').count(), 1);
    await screenshot(page, '32-authorize-consent');
    await page.getByRole('button', { name: 'Allow' }).click();

    await page.getByRole('heading', { name: 'Back at the application' }).waitFor();
    await screenshot(page, '33-authorize-back-at-the-application');
    const back = new URL(page.url());
    assert.equal(back.origin + back.pathname, callback);
    assert.equal(back.searchParams.get('state'), 'xyz-state');
    assert.equal(back.searchParams.get('iss'), server.config.token.issuer);
    const token = await postForm(
      server,
      `${server.gateway}/token`,
      {
        grant_type: 'authorization_code',
        code: back.searchParams.get('code')!,
        redirect_uri: callback,
        code_verifier: pkce.verifier,
      },
      { authorization: client.authorization },
    );
    assert.equal(token.status, 200, token.text);
    assert.equal(token.json.scope, 'read');
  });

  it('shows an error page, and stays there, for a redirect_uri that is not registered', async () => {
    const client = await createCodeClient(server, { callbackUrls: [callback] });
    const { page } = browser;
    await page.goto(
      authorizeUrl(server, client, newPkce(), { redirect_uri: `${callback}/../evil` }),
    );
    await page.getByRole('heading', { name: 'The application sent an invalid request' }).waitFor();
    await screenshot(page, '34-authorize-error-page');
    assert.ok(page.url().startsWith(`${server.management}/oauth2/authorize`));
  });
});
