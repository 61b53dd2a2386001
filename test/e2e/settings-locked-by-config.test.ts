// deployment.toml is the ceiling of the admin's runtime switches: with
// `[oauth.grant_type.password] enable = false` (and `[identity.self_signup] enable = false`) the
// Token API refuses the password grant (RFC 6749 §5.2 unsupported_grant_type: "The
// authorization grant type is not supported by the authorization server") whatever the settings
// table says, the Admin REST API reports the switch locked and refuses to turn it on with 409,
// and the Admin page shows the switch disabled with the reason.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import {
  basic,
  call,
  createFixture,
  postForm,
  startTestServer,
  type TestServer,
} from '../helpers/tollgate.js';

const admin = {
  authorization: basic('admin', 'Admin-Password-For-Tests'),
  'content-type': 'application/json',
};

describe('runtime switches under deployment.toml enable = false', () => {
  let server: TestServer;
  const settings = () =>
    call(server, `${server.management}/api/admin/v1/settings`, { headers: admin });
  const put = (body: object) =>
    call(server, `${server.management}/api/admin/v1/settings`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify(body),
    });
  const locked = {
    selfSignup: false,
    passwordGrant: false,
    anonymousCatalogue: false,
    selfSignupLockedByConfig: true,
    passwordGrantLockedByConfig: true,
    anonymousCatalogueLockedByConfig: true,
    defaults: { selfSignup: false, passwordGrant: false, anonymousCatalogue: false },
  };

  before(async () => {
    process.env['TOLLGATE_ADMIN_PASSWORD'] ??= 'Admin-Password-For-Tests';
    server = await startTestServer({
      settings: {
        'oauth.grant_type.password.enable': false,
        'identity.self_signup.enable': false,
        'apim.devportal.enable_anonymous_mode': false,
      },
    });
  });
  after(async () => server?.close());

  it('reports both switches off and locked by configuration', async () => {
    const r = await settings();
    assert.deepEqual([r.status, r.json], [200, locked]);
  });

  it('refuses to turn the password grant on with 409, and accepts keeping it off', async () => {
    const r = await put({ passwordGrant: true });
    assert.deepEqual(
      [r.status, r.json],
      [
        409,
        {
          code: 409,
          message: 'Conflict',
          description:
            'The password grant is turned off in deployment.toml ([oauth.grant_type.password] enable = false) and cannot be turned on here; the operator must change the file and restart.',
        },
      ],
    );
    const signup = await put({ selfSignup: true, passwordGrant: false });
    assert.deepEqual(
      [signup.status, signup.json.description],
      [
        409,
        'Self sign-up is turned off in deployment.toml ([identity.self_signup] enable = false) and cannot be turned on here; the operator must change the file and restart.',
      ],
    );
    const off = await put({ passwordGrant: false, selfSignup: false });
    assert.deepEqual([off.status, off.json], [200, locked]);
  });

  it('refuses the password grant and sign-up even when the settings table says on (saved before the file changed)', async () => {
    await server.services.stores.settings.put(
      {
        'oauth.grant_type.password.enable': 'true',
        'identity.self_signup.enable': 'true',
        'apim.devportal.enable_anonymous_mode': 'true',
      },
      Date.now(),
    );
    assert.deepEqual((await settings()).json, locked);
    const fx = await createFixture(server, {
      username: 'ida',
      password: 'ida-s3cret-pw!',
      grantTypes: ['password', 'client_credentials'],
    });
    for (const url of [`${server.gateway}/token`, `${server.management}/oauth2/token`]) {
      const r = await postForm(
        server,
        url,
        { grant_type: 'password', username: 'ida', password: 'ida-s3cret-pw!' },
        { authorization: fx.authorization },
      );
      assert.deepEqual([r.status, r.json.error], [400, 'unsupported_grant_type'], url);
    }
    const signup = await call(server, `${server.management}/api/devportal/v1/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'jack', password: 'jack-s3cret-pw!' }),
    });
    assert.equal(signup.status, 403);
    assert.deepEqual((await call(server, `${server.management}/api/devportal/v1/signup`)).json, {
      enabled: false,
    });
    // The catalogue needs a signed-in user.
    const visitor = await call(server, `${server.management}/api/devportal/v1/apis`);
    assert.equal(visitor.status, 401);
    const info = await call(server, `${server.management}/api/devportal/v1/info`);
    assert.equal(info.json.anonymousCatalogue, false);
  });

  it('shows the switches disabled on the Admin page, saying deployment.toml turns them off', async () => {
    const browser = await launchBrowser();
    try {
      const page = browser.page;
      await page.goto(`${server.management}/admin`);
      await page.getByLabel('Username').fill('admin');
      await page.getByLabel('Password').fill('Admin-Password-For-Tests');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'Settings' }).click();
      const grant = page.getByLabel('Allow the password grant on the Token API');
      await grant.waitFor();
      assert.equal(await grant.isDisabled(), true);
      assert.equal(await grant.isChecked(), false);
      assert.equal(
        await page.getByLabel('Allow self sign-up on the Developer Portal').isDisabled(),
        true,
      );
      assert.equal(
        await page
          .getByLabel('Let visitors browse the API catalogue without signing in')
          .isDisabled(),
        true,
      );
      assert.equal(
        await page.locator('#setting-password-grant-hint').textContent(),
        'Turned off in deployment.toml ([oauth.grant_type.password] enable = false): it cannot be turned on here; the operator changes the file and restarts.',
      );
      await screenshot(page, '08-admin-settings-locked-by-config');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Settings saved.').waitFor();
    } finally {
      await browser.close();
    }
  });
});
