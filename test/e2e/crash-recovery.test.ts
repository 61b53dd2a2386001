// SECURITY.md R52: "200 only after the token record ... is committed"; R53: SQLite WAL
// transactions "are durable across application crashes regardless of the synchronous
// setting". Issue #5 item 4: kill -9 in the middle of a load, restart, and every token a
// client received still introspects as active; every acknowledged revocation holds.
// SIGTERM lets in-flight requests finish.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { request } from 'undici';
import {
  createTestDatabase,
  TEST_DATABASE_KINDS,
  type TestDatabase,
} from '../../src/store/testing.js';
import { basic } from '../helpers/tollgate.js';
import { createInstance, postTo, type Instance } from '../helpers/instance.js';

for (const kind of TEST_DATABASE_KINDS)
  describe(`nothing issued is lost: kill -9 mid-load, then restart (${kind})`, () => {
    let instance: Instance;
    let testDb: TestDatabase | undefined;
    after(async () => {
      instance?.remove();
      await testDb?.drop();
    });

    it('every token received before the crash is still active, every acknowledged revocation holds', async () => {
      // On PostgreSQL a token is answered once the group commit holding it is flushed.
      testDb = kind === 'postgres' ? await createTestDatabase('postgres') : undefined;
      const database = testDb
        ? `[database]\ntype = "postgres"\nurl = "${testDb.config.url}"\n`
        : '';
      instance = await createInstance(
        `[protection.ip_throttle]\nmax_failures = 100000\n${database}`,
      );
      const auth = basic(instance.consumerKey, instance.consumerSecret);
      let server = await instance.start();
      const agent = instance.agent();
      const gateway = `https://localhost:${8243 + instance.offset}`;
      const received = {
        access: [] as string[],
        refresh: new Set<string>(),
        revoked: [] as string[],
        // A token whose revocation was sent but never answered (the server died in between) may
        // or may not be revoked: like an unanswered refresh, it is not counted either way.
        unanswered: new Set<string>(),
      };
      let stop = false;

      async function worker(n: number): Promise<void> {
        try {
          const first = await postTo(
            agent,
            `${gateway}/token`,
            { grant_type: 'password', username: instance.username, password: instance.password },
            auth,
          );
          if (first.status !== 200) return;
          received.access.push(first.json.access_token);
          received.refresh.add(first.json.refresh_token);
          let refresh: string = first.json.refresh_token;
          for (let i = 0; !stop; i++) {
            if (n === 0 && i % 3 === 2) {
              const victim = received.access[randomInt(received.access.length)]!;
              received.unanswered.add(victim);
              const r = await postTo(
                agent,
                `${gateway}/revoke`,
                { token: victim, token_type_hint: 'access_token' },
                auth,
              );
              received.unanswered.delete(victim);
              if (r.status === 200) received.revoked.push(victim);
              continue;
            }
            // A refresh token sent in a request whose answer never came may have been spent: not counted.
            received.refresh.delete(refresh);
            const r = await postTo(
              agent,
              `${gateway}/token`,
              { grant_type: 'refresh_token', refresh_token: refresh },
              auth,
            );
            if (r.status !== 200) return;
            received.access.push(r.json.access_token);
            received.refresh.add(r.json.refresh_token);
            refresh = r.json.refresh_token;
          }
        } catch {
          /* the server died under us */
        }
      }

      const workers = [0, 1, 2, 3].map(worker);
      // Wait for a little traffic, then kill at a random moment.
      while (received.access.length < 8) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, randomInt(50, 400)));
      server.child.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      await server.stop();
      assert.ok(received.access.length >= 8);

      server = await instance.start();
      try {
        const revoked = new Set(received.revoked);
        const introspect = `https://localhost:${9443 + instance.offset}/oauth2/introspect`;
        const active = async (token: string, hint: string) =>
          (await postTo(agent, introspect, { token, token_type_hint: hint }, auth)).json
            .active as boolean;
        const lostAccess = [];
        for (const token of received.access) {
          if (received.unanswered.has(token) && !revoked.has(token)) continue;
          if ((await active(token, 'access_token')) !== !revoked.has(token)) lostAccess.push(token);
        }
        assert.deepEqual(
          lostAccess,
          [],
          `of ${received.access.length} access tokens, ${received.revoked.length} revoked`,
        );
        const lostRefresh = [];
        for (const token of received.refresh)
          if (!(await active(token, 'refresh_token'))) lostRefresh.push(token);
        assert.deepEqual(lostRefresh, [], `of ${received.refresh.size} refresh tokens`);
      } finally {
        await server.stop();
        await agent.close();
      }
    });
  });

describe('graceful shutdown: SIGTERM drains in-flight requests', () => {
  let instance: Instance;
  after(() => instance?.remove());

  it('answers every request already received, then exits 0 and refuses new connections', async () => {
    instance = await createInstance(
      '[identity.password_hashing]\nmemory_kib = 131072\niterations = 10\nmax_concurrent = 1\nmax_queued = 10\n',
    );
    const auth = basic(instance.consumerKey, instance.consumerSecret);
    const server = await instance.start();
    const agent = instance.agent();
    const gateway = `https://localhost:${8243 + instance.offset}`;
    const metrics = `https://localhost:${9443 + instance.offset}/metrics`;
    const inFlight = [0, 1, 2].map(() =>
      postTo(
        agent,
        `${gateway}/token`,
        { grant_type: 'password', username: instance.username, password: instance.password },
        auth,
      ),
    );
    for (;;) {
      const text = await (await request(metrics, { dispatcher: agent })).body.text();
      const n = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
      if (n('tollgate_password_hash_active') + n('tollgate_password_hash_queued') === 3) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const exited = server.stop('SIGTERM');
    const answers = await Promise.all(inFlight);
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200],
    );
    assert.equal(await exited, 0);
    assert.match(server.output(), /SIGTERM: finishing in-flight requests and stopping\./);
    await assert.rejects(
      postTo(agent, `${gateway}/token`, { grant_type: 'client_credentials' }, auth),
      /ECONNREFUSED/,
    );

    const again = await instance.start();
    try {
      const introspect = `https://localhost:${9443 + instance.offset}/oauth2/introspect`;
      for (const a of answers)
        assert.equal(
          (await postTo(agent, introspect, { token: a.json.access_token }, auth)).json.active,
          true,
        );
    } finally {
      await again.stop();
      await agent.close();
    }
  });
});
