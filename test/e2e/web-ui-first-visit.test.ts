// A visitor's first look at the web UIs in chromium: a signed-out page load is clean: "who am
// I" is answered 200 {"signedIn": false}, the favicon is there, and the console shows no error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { call, startTestServer, type TestServer } from '../helpers/tollgate.js';

describe('the Developer Portal for a visitor who is not signed in', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = browser.page;
    // Everything chromium would show in red in its console.
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => problems.push(`failed ${r.url()}`));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads signed-out pages without a console error or a failed request, favicon included', async () => {
    for (const ui of ['devportal', 'publisher', 'admin']) {
      await page.goto(`${server.management}/${ui}`);
      await page.getByRole('heading', { name: /^Sign in to the / }).waitFor();
    }
    await screenshot(page, '22-admin-signed-out');
    // Chromium asks for the icon in the background; wait until it has come.
    await page.waitForFunction(async () => (await fetch('/favicon.ico')).ok);
    assert.deepEqual(problems, []);
    const whoami = await call(server, `${server.management}/api/session`);
    assert.deepEqual([whoami.status, whoami.json], [200, { signedIn: false }]);
    const icon = await call(server, `${server.management}/favicon.ico`);
    assert.deepEqual([icon.status, icon.headers['content-type']], [200, 'image/svg+xml']);
    assert.match(icon.text, /^<svg /);
  });
});
