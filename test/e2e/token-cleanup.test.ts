// Expired tokens and old audit events are deleted by the running server ([oauth.token_cleanup],
// [audit] retention_days), while everything still usable keeps working; `tollgate cleanup` runs it now.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tollgate } from '../helpers/process.js';
import {
  createFixture,
  postForm,
  startTestServer,
  type Fixture,
  type TestServer,
} from '../helpers/tollgate.js';
import { passwordGrant } from '../protection/helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('token cleanup and audit retention', () => {
  let server: TestServer;
  let fx: Fixture;
  let shift = 0;
  before(async () => {
    server = await startTestServer({
      now: () => Date.now() + shift,
      settings: {
        'oauth.token_cleanup.interval_seconds': 1,
        'oauth.token_cleanup.retain_expired_seconds': 3600,
        'audit.retention_days': 1,
      },
    });
    fx = await createFixture(server, { tokenType: 'opaque' });
  });
  after(() => server?.close());

  const count = async (
    table: 'access_tokens' | 'refresh_tokens' | 'token_families' | 'audit_events',
  ) =>
    Number(
      (
        await server.services.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  async function until(what: string, check: () => Promise<boolean>): Promise<void> {
    for (
      const end = Date.now() + 10_000;
      Date.now() < end;
      await new Promise((r) => setTimeout(r, 100))
    )
      if (await check()) return;
    assert.fail(`timed out waiting for: ${what}`);
  }
  const introspect = async (token: string) =>
    (
      await postForm(
        server,
        `${server.management}/oauth2/introspect`,
        { token },
        { authorization: fx.authorization },
      )
    ).json.active as boolean;

  it('deletes what expired more than retain_expired_seconds ago and keeps what can still be used', async () => {
    const first = await passwordGrant(server, fx, fx.username, fx.password);
    assert.equal(first.status, 200);
    assert.equal((await passwordGrant(server, fx, fx.username, 'wrong password')).status, 400);
    assert.equal(await count('access_tokens'), 1);
    await until('the audit event is written', async () => (await count('audit_events')) === 1);

    // 3 hours later: the access token expired 2 hours ago (more than the 1 hour kept); the
    // refresh token (24 h) and its family (30 days) are alive and keep working.
    shift = 3 * HOUR;
    await until(
      'the expired access token is deleted',
      async () => (await count('access_tokens')) === 0,
    );
    assert.equal(await count('refresh_tokens'), 1);
    assert.equal(await count('audit_events'), 1, 'audit events are kept retention_days');
    const refreshed = await postForm(
      server,
      `${server.gateway}/token`,
      { grant_type: 'refresh_token', refresh_token: first.json.refresh_token },
      { authorization: fx.authorization },
    );
    assert.equal(refreshed.status, 200, refreshed.text);
    assert.equal(await introspect(refreshed.json.access_token), true);

    // A replayed rotated refresh token is still recognised while it is kept: the family is revoked.
    const replay = await postForm(
      server,
      `${server.gateway}/token`,
      { grant_type: 'refresh_token', refresh_token: first.json.refresh_token },
      { authorization: fx.authorization },
    );
    assert.equal(replay.json.error, 'invalid_grant');
    assert.equal(
      await introspect(refreshed.json.access_token),
      false,
      'reuse detection still works after a cleanup',
    );

    // 2 days later: both refresh tokens and the access token expired more than an hour ago; the
    // audit event is older than a day. The family is kept until it expires (30 days).
    shift = 2 * DAY;
    await until(
      'expired refresh tokens and old audit events are deleted',
      async () =>
        (await count('refresh_tokens')) === 0 &&
        (await count('access_tokens')) === 0 &&
        (await count('audit_events')) === 0,
    );
    assert.equal(await count('token_families'), 1);
    shift = 31 * DAY;
    await until('the expired family is deleted', async () => (await count('token_families')) === 0);

    const fresh = await passwordGrant(server, fx, fx.username, fx.password);
    assert.equal(fresh.status, 200, 'the server keeps issuing after cleanups');
    assert.equal(await introspect(fresh.json.access_token), true);
  });

  it('`tollgate cleanup` runs it now and says what it deleted', () => {
    mkdirSync(join(server.home, 'conf'), { recursive: true });
    writeFileSync(
      join(server.home, 'conf', 'deployment.toml'),
      `[database]\npath = ${JSON.stringify(server.database.config.path)}\n`,
    );
    const r = tollgate(server.home, 'cleanup', '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(Object.keys(JSON.parse(r.stdout)).sort(), [
      'accessTokens',
      'auditEvents',
      'authorizationCodes',
      'families',
      'refreshTokens',
    ]);
    const text = tollgate(server.home, 'cleanup');
    assert.match(
      text.stdout,
      /^Deleted \d+ access token\(s\), \d+ refresh token\(s\), \d+ refresh token famil(y|ies), \d+ authorization code\(s\) and \d+ audit event\(s\)\.$/m,
    );
  });
});
