// A visitor's first look at the Developer Portal in chromium: the first page offers "Create an
// account" next to the sign-in form (WSO2's Developer Portal does), and not once an admin has
// turned self sign-up off; and a signed-out page load is clean: "who am I" is answered 200
// {"signedIn": false}, the favicon is there, and the console shows no error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { basic, call, startTestServer } from '../helpers/tollgate.js';
const ADMIN = basic('admin', 'Admin-Password-For-Tests');
describe('the Developer Portal for a visitor who is not signed in', () => {
    let server;
    let browser;
    let page;
    const problems = [];
    before(async () => {
        server = await startTestServer();
        browser = await launchBrowser();
        page = browser.page;
        // Everything chromium would show in red in its console.
        page.on('console', (m) => {
            if (m.type() === 'error' || m.type() === 'warning')
                problems.push(`${m.type()}: ${m.text()}`);
        });
        page.on('response', (r) => {
            if (r.status() >= 400)
                problems.push(`${r.status()} ${r.url()}`);
        });
        page.on('requestfailed', (r) => problems.push(`failed ${r.url()}`));
    });
    after(async () => {
        await browser?.close();
        await server?.close();
    });
    const setSelfSignup = async (on) => {
        const r = await call(server, `${server.management}/api/admin/v1/settings`, {
            method: 'PUT',
            headers: { authorization: ADMIN, 'content-type': 'application/json' },
            body: JSON.stringify({ selfSignup: on }),
        });
        assert.equal(r.status, 200, r.text);
    };
    it('offers "Create an account" beside the sign-in form on the first page, and it leads to sign-up', async () => {
        await page.goto(`${server.management}/devportal`);
        await page.getByRole('heading', { name: 'Sign in to the Developer Portal' }).waitFor();
        const offer = page.getByRole('link', { name: 'Create an account' });
        await offer.waitFor();
        await screenshot(page, '20-devportal-first-page');
        await offer.click();
        await page.getByRole('heading', { name: 'Sign up' }).waitFor();
        await page.getByRole('button', { name: 'Create account' }).waitFor();
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
    it('does not offer sign-up once the admin turned self sign-up off, and offers it again when on', async () => {
        await setSelfSignup(false);
        await page.goto(`${server.management}/devportal`);
        await page.getByRole('heading', { name: 'Sign in to the Developer Portal' }).waitFor();
        await page.getByLabel('Password').waitFor();
        assert.equal(await page.getByRole('link', { name: 'Create an account' }).count(), 0);
        await page.goto(`${server.management}/devportal#/signin`);
        await page.getByLabel('Password').waitFor();
        assert.equal(await page.getByRole('link', { name: 'Create an account' }).count(), 0);
        await screenshot(page, '21-devportal-first-page-signup-off');
        await setSelfSignup(true);
        await page.reload();
        await page.getByRole('link', { name: 'Create an account' }).waitFor();
        assert.deepEqual(problems, []);
    });
});
//# sourceMappingURL=web-ui-first-visit.test.js.map