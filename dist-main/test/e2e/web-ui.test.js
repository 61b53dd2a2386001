// The Developer Portal and Admin pages in a real browser (Debian's chromium via playwright-core):
// sign up, create an application, generate keys, generate a token in the page and use it; the
// README's curl flow shows up as a Registered User; the admin turns self sign-up off.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { basic, call, postForm, startTestServer } from '../helpers/tollgate.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
const ADMIN_PASSWORD = 'Admin-Password-For-Tests';
describe('web UIs in chromium', () => {
    let server;
    let browser;
    let context;
    let page;
    const state = {};
    before(async () => {
        server = await startTestServer();
        browser = await launchBrowser();
        context = browser.context;
        page = browser.page;
    });
    after(async () => {
        await browser?.close();
        await server?.close();
    });
    it('signs up, lands on Applications, and the session cookie is httpOnly, Secure, SameSite=Strict', async () => {
        await page.goto(`${server.management}/devportal#/signup`);
        await page.getByLabel('Username').fill('carol');
        await page.getByLabel('Password').fill('carol-pizza-lover-1');
        await screenshot(page, '01-devportal-signup');
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.getByRole('heading', { name: 'Applications' }).waitFor();
        await page.getByText('Signed in as carol').waitFor();
        const [cookie] = await context.cookies();
        assert.equal(cookie?.name, '__Host-tollgate-session');
        assert.equal(cookie?.httpOnly, true);
        assert.equal(cookie?.secure, true);
        assert.equal(cookie?.sameSite, 'Strict');
    });
    it('shows a REST error in the page (duplicate application name)', async () => {
        await page.getByLabel('Name').fill('PizzaApp');
        await page.getByLabel('Description').fill('Orders pizza');
        await page.getByLabel('Throttling policy').selectOption('50PerMin');
        await page.getByRole('button', { name: 'Create' }).click();
        await page.getByRole('heading', { name: 'PizzaApp' }).waitFor();
        state.appUrl = page.url();
        await page.goto(`${server.management}/devportal#/applications`);
        await page.getByRole('link', { name: 'PizzaApp' }).waitFor();
        await screenshot(page, '02-devportal-applications');
        await page.getByLabel('Name').fill('PizzaApp');
        await page.getByRole('button', { name: 'Create' }).click();
        const alert = page.locator('#error');
        await alert.waitFor({ state: 'visible' });
        assert.equal(await alert.textContent(), 'An application named "PizzaApp" already exists for this owner.');
    });
    it('generates production keys, shows key and secret with copy buttons and a filled-in curl', async () => {
        await page.goto(state.appUrl);
        await page.getByRole('heading', { name: 'Production Keys' }).waitFor();
        for (const g of ['Password', 'Client Credentials', 'Refresh Token'])
            assert.equal(await page.getByLabel(g).isChecked(), true);
        await page.getByRole('button', { name: 'Generate Keys' }).click();
        await page.getByLabel('Consumer secret').waitFor();
        state.consumerKey = await page.getByLabel('Consumer key').inputValue();
        state.consumerSecret = await page.getByLabel('Consumer secret').inputValue();
        assert.match(state.consumerKey, /^[A-Za-z0-9_-]{27}$/);
        assert.match(state.consumerSecret, /^[A-Za-z0-9_-]{43}$/);
        assert.equal(await page.getByRole('button', { name: 'Copy' }).count(), 3);
        const curl = await page.getByLabel('curl command (password grant)').inputValue();
        const b64 = Buffer.from(`${state.consumerKey}:${state.consumerSecret}`).toString('base64');
        assert.equal(curl, `curl -k -d "grant_type=password&username=carol&password=<password>" \\\n  -H "Authorization: Basic ${b64}" \\\n  -H "Content-Type: application/x-www-form-urlencoded" https://localhost:${server.config.ports.gatewayHttps}/token`);
        await screenshot(page, '03-devportal-production-keys');
    });
    it('generates an access token in the page that the Key Manager introspects as active', async () => {
        await page.getByLabel('Validity period (seconds)').fill('600');
        await page.getByRole('button', { name: 'Generate access token' }).click();
        await page.getByRole('textbox', { name: 'Access token' }).waitFor();
        const token = await page.getByRole('textbox', { name: 'Access token' }).inputValue();
        await page.getByText('expires in 600 s').waitFor();
        await screenshot(page, '04-devportal-access-token');
        const r = await postForm(server, `${server.management}/oauth2/introspect`, { token }, { authorization: basic(state.consumerKey, state.consumerSecret) });
        assert.equal(r.status, 200);
        assert.equal(r.json.active, true);
        assert.equal(r.json.client_id, state.consumerKey);
        assert.equal(r.json.username, 'carol');
        assert.equal(r.json.exp - r.json.iat, 600);
    });
    it('lists the user who ran the curl flow under Registered Users, with a chart', async () => {
        const r = await postForm(server, `${server.gateway}/token`, { grant_type: 'password', username: 'carol', password: 'carol-pizza-lover-1' }, { authorization: basic(state.consumerKey, state.consumerSecret) });
        assert.equal(r.status, 200, r.text);
        await page.getByRole('link', { name: 'Registered Users' }).click();
        const row = page.locator('#registered-users tbody tr');
        await row.first().waitFor();
        assert.deepEqual(await row
            .locator('th, td')
            .allTextContents()
            .then((c) => c.slice(0, 2)), ['carol', '1']);
        assert.equal(await page.locator('svg.chart').count(), 1);
        await screenshot(page, '05-devportal-registered-users');
    });
    it('admin turns self sign-up off: the sign-up page says so and the REST call is refused', async () => {
        const adminBrowser = await launchBrowser();
        const adminPage = adminBrowser.page;
        await adminPage.goto(`${server.management}/admin`);
        await adminPage.getByLabel('Username').fill('admin');
        await adminPage.getByLabel('Password').fill(ADMIN_PASSWORD);
        await adminPage.getByRole('button', { name: 'Sign in' }).click();
        await adminPage.getByRole('heading', { name: 'Users and roles' }).waitFor();
        await adminPage.getByRole('rowheader', { name: 'carol' }).waitFor();
        await screenshot(adminPage, '06-admin-users');
        await adminPage.getByRole('link', { name: 'Settings' }).click();
        await adminPage.getByLabel('Allow self sign-up on the Developer Portal').uncheck();
        await screenshot(adminPage, '07-admin-settings');
        await adminPage.getByRole('button', { name: 'Save settings' }).click();
        await adminPage.getByText('Settings saved.').waitFor();
        await adminPage.getByRole('link', { name: 'Statistics' }).click();
        await adminPage.locator('#stats-registered svg.chart').waitFor();
        assert.equal(await adminPage.locator('svg.chart').count(), 3);
        const rows = await adminPage.locator('#stats-registered tbody tr').allTextContents();
        assert.deepEqual(rows, ['PizzaApp (carol)11']);
        await screenshot(adminPage, '08-admin-statistics');
        await adminPage.getByRole('link', { name: 'Password grant report' }).click();
        await adminPage.locator('#report-apps').waitFor();
        assert.deepEqual(await adminPage.locator('#report-apps tbody th').allTextContents(), [
            'PizzaApp',
        ]);
        assert.match((await adminPage.locator('#report-apps tbody tr').textContent()) ?? '', /carolyes11.*carol \(1\)$/);
        await screenshot(adminPage, '08b-admin-password-grant-report');
        await adminBrowser.close();
        const visitorBrowser = await launchBrowser();
        const visitor = visitorBrowser.page;
        await visitor.goto(`${server.management}/devportal#/signup`);
        await visitor.locator('#signup-disabled').waitFor();
        assert.equal(await visitor.getByLabel('Password').count(), 0);
        await screenshot(visitor, '09-devportal-signup-disabled');
        await visitorBrowser.close();
        const refused = await call(server, `${server.management}/api/devportal/v1/signup`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'mallory', password: 'mallory-pw-12345' }),
        });
        assert.equal(refused.status, 403);
        assert.deepEqual(refused.json, {
            code: 403,
            message: 'Forbidden',
            description: 'Self sign-up is disabled on this server; ask an administrator for an account.',
        });
    });
    it('a non-admin sees that the Admin Portal and the Publisher are not for them', async () => {
        await page.goto(`${server.management}/admin#/users`);
        await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
        await page.goto(`${server.management}/publisher`);
        await page.locator('#not-allowed').waitFor();
        await screenshot(page, '10-publisher-not-allowed');
    });
    it('signs out', async () => {
        await page.goto(`${server.management}/devportal#/applications`);
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('heading', { name: 'Sign in to the Developer Portal' }).waitFor();
        const session = await page.evaluate(async () => (await fetch('/api/session', { headers: { 'x-tollgate-ui': '1' } })).json());
        assert.deepEqual(session, { signedIn: false });
    });
});
//# sourceMappingURL=web-ui.test.js.map