import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { postgresRowCache, ROW_CHANGES_CHANNEL, type RowCache } from './postgres-row-cache.js';
import { createTestDatabase, until, type TestDatabase } from './testing.js';

describe('PostgreSQL row cache', () => {
  let testDb: TestDatabase;
  const caches: RowCache[] = [];
  const newClient = () => new pg.Client({ connectionString: testDb.config.url });
  const cache = (ttlMs: number) => {
    const c = postgresRowCache(newClient, ttlMs);
    caches.push(c);
    return c;
  };
  async function notify(): Promise<void> {
    const c = newClient();
    await c.connect();
    try {
      await c.query(`select pg_notify('${ROW_CHANGES_CHANNEL}', 'users')`);
    } finally {
      await c.end();
    }
  }
  /** A read that counts how often the database is asked. */
  const counter = (row: string | undefined) => {
    const read = async () => {
      read.calls++;
      return row;
    };
    read.calls = 0;
    return read;
  };
  /**
   * Reads until the row is served without asking (the listener is up); says whether it was.
   * Other test files' changes in the same PostgreSQL database notify too: a kept row may be
   * dropped at any time, so "kept" is checked by trying again, never once.
   */
  async function kept(c: RowCache, key: string, read: ReturnType<typeof counter>) {
    let served = false;
    await until(async () => {
      const before = read.calls;
      await c.get(key, read);
      served = read.calls === before;
      return served;
    });
    return served;
  }

  before(async () => {
    testDb = await createTestDatabase('postgres');
  });
  after(async () => {
    for (const c of caches) await c.close();
    await testDb.drop();
  });

  it('keeps a row once listening and reads it again after a change notification', async () => {
    const c = cache(600_000);
    const read = counter('row');
    assert.equal(await c.get('k', read), 'row');
    assert.ok(await kept(c, 'k', read), 'kept once listening');
    const calls = read.calls;
    await notify();
    await until(async () => {
      const before = read.calls;
      await c.get('k', read);
      return read.calls > before;
    });
    assert.ok(read.calls > calls, 'read again after the notification');
  });

  it('does not keep rows that do not exist, nor any row with a TTL of 0', async () => {
    const c = cache(600_000);
    const missing = counter(undefined);
    assert.ok(await kept(c, 'warm', counter('x')));
    await c.get('k', missing);
    await c.get('k', missing);
    assert.equal(missing.calls, 2);
    const off = cache(0);
    const read = counter('row');
    for (let i = 0; i < 3; i++) assert.equal(await off.get('k', read), 'row');
    assert.equal(read.calls, 3);
  });

  it('forgets what it kept when asked, and everything once closed', async () => {
    const c = cache(600_000);
    const read = counter('row');
    assert.ok(await kept(c, 'k', read));
    const calls = read.calls;
    c.forget();
    await c.get('k', read);
    assert.equal(read.calls, calls + 1);
    await c.close();
    await c.get('k', read);
    await c.get('k', read);
    assert.equal(read.calls, calls + 3, 'closed: every read asks');
  });
});
