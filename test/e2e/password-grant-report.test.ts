// The password-grant retirement report (PRODUCT.md): which applications and users still use the
// password grant, to plan the move to authorization code + PKCE; admin REST and CLI.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tollgate } from '../helpers/process.js';
import {
  basic,
  call,
  createFixture,
  postForm,
  startTestServer,
  type Fixture,
  type TestServer,
} from '../helpers/tollgate.js';
import { ADMIN, passwordGrant } from '../protection/helpers.js';

const DAY = 86_400_000;

describe('password-grant retirement report', () => {
  let server: TestServer;
  let shift = 0;
  let mobile: Fixture;
  before(async () => {
    server = await startTestServer({ now: () => Date.now() + shift });
    mobile = await createFixture(server, { username: 'alice', appName: 'MobileApp' });
    await server.services.users.create({
      username: 'bob',
      password: 'bob correct horse',
      roles: [],
    });
    await server.services.users.create({
      username: 'carol',
      password: 'carol correct horse',
      roles: [],
    });
    const legacy = await createFixture(server, { username: 'dave', appName: 'LegacyApp' });
    const service = await createFixture(server, {
      username: 'erin',
      appName: 'ServiceApp',
      grantTypes: ['client_credentials'],
    });

    shift = -100 * DAY; // carol's only token is older than the report's 90 days, and so is LegacyApp's
    assert.equal((await passwordGrant(server, mobile, 'carol', 'carol correct horse')).status, 200);
    assert.equal((await passwordGrant(server, legacy, 'dave', legacy.password)).status, 200);
    shift = 0;
    for (const [user, pw, times] of [
      ['bob', 'bob correct horse', 2],
      ['alice', mobile.password, 1],
    ] as const) {
      for (let i = 0; i < times; i++)
        assert.equal((await passwordGrant(server, mobile, user, pw)).status, 200);
    }
    assert.equal(
      (await passwordGrant(server, mobile, 'bob', 'wrong password')).status,
      400,
      'a refusal is not a use',
    );
    const cc = await postForm(
      server,
      `${server.gateway}/token`,
      { grant_type: 'client_credentials' },
      { authorization: service.authorization },
    );
    assert.equal(cc.status, 200);
  });
  after(() => server?.close());

  it('lists the applications and users that obtained password-grant tokens, and those that allow it unused', async () => {
    const r = await call(server, `${server.management}/api/admin/v1/reports/password-grant`, {
      headers: { authorization: ADMIN },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.days, 90);
    assert.equal(r.json.applicationsUsing, 1);
    assert.equal(r.json.usersUsing, 2);
    assert.equal(r.json.tokens, 3);
    assert.equal(r.json.applications.length, 1);
    const app = r.json.applications[0];
    assert.equal(app.applicationName, 'MobileApp');
    assert.equal(app.owner, 'alice');
    assert.equal(app.passwordGrantAllowed, true);
    assert.equal(app.tokens, 3);
    assert.deepEqual(
      app.users.map((u: { username: string; tokens: number }) => [u.username, u.tokens]),
      [
        ['bob', 2],
        ['alice', 1],
      ],
    );
    assert.ok(Math.abs(Date.parse(app.lastUsedAt) - Date.now()) < 60_000);
    assert.deepEqual(
      r.json.allowedButUnused.map((a: { applicationName: string }) => a.applicationName),
      ['LegacyApp'],
      'ServiceApp never allowed the grant',
    );

    const longer = await call(
      server,
      `${server.management}/api/admin/v1/reports/password-grant?days=365`,
      { headers: { authorization: ADMIN } },
    );
    assert.equal(longer.json.applicationsUsing, 2);
    assert.deepEqual(
      longer.json.applications
        .find((a: { applicationName: string }) => a.applicationName === 'MobileApp')
        .users.map((u: { username: string }) => u.username),
      ['bob', 'alice', 'carol'],
    );
    assert.deepEqual(longer.json.allowedButUnused, []);
  });

  it('refuses a bad period and non-admins with a readable error', async () => {
    for (const days of ['0', '3651', 'ten', '1.5']) {
      const r = await call(
        server,
        `${server.management}/api/admin/v1/reports/password-grant?days=${days}`,
        { headers: { authorization: ADMIN } },
      );
      assert.equal(r.status, 400, days);
      assert.match(r.json.description ?? r.json.message, /days must be an integer from 1 to 3650/);
    }
    const user = await call(server, `${server.management}/api/admin/v1/reports/password-grant`, {
      headers: { authorization: basic('bob', 'bob correct horse') },
    });
    assert.equal(user.status, 403);
    assert.equal(
      (await call(server, `${server.management}/api/admin/v1/reports/password-grant`)).status,
      401,
    );
  });

  it('is printed by `tollgate report password-grant`, as a table and as JSON', () => {
    mkdirSync(join(server.home, 'conf'), { recursive: true });
    writeFileSync(
      join(server.home, 'conf', 'deployment.toml'),
      `[database]\npath = ${JSON.stringify(server.database.config.path)}\n`,
    );
    const json = tollgate(server.home, 'report', 'password-grant', '--json');
    assert.equal(json.status, 0, json.stderr);
    const report = JSON.parse(json.stdout);
    // The report links the step-by-step migration guide, which exists (issue #12).
    assert.equal(report.migrationGuide, 'docs/migrating-from-password-grant.md');
    assert.ok(existsSync(join(process.cwd(), report.migrationGuide)));
    assert.equal(report.applications[0].applicationName, 'MobileApp');
    assert.equal(report.usersUsing, 2);

    const table = tollgate(server.home, 'report', 'password-grant', '--days', '30');
    assert.equal(table.status, 0, table.stderr);
    assert.match(
      table.stdout,
      /^Password grant since .* \(30 days\): 1 application\(s\), 2 user\(s\), 3 token\(s\)\.$/m,
    );
    assert.match(table.stdout, /^MobileApp\s+alice\s+yes\s+2\s+3\s+\S+\s+bob \(2\), alice \(1\)$/m);
    assert.match(
      table.stdout,
      /Allowed but unused in the period[^\n]*\n[^\n]*\nLegacyApp\s+dave$/m,
    );

    const bad = tollgate(server.home, 'report', 'password-grant', '--days', 'x');
    assert.equal(bad.status, 1);
    assert.equal(bad.stderr.trim(), 'tollgate: --days must be an integer from 1 to 3650');
  });
});
