// SQLite's WAL is copied back into the database by the checkpointer's worker thread, not by
// the event loop's connections (whose automatic checkpoint would block every request); the
// thread ends while nothing is written.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase, type Database } from './index.js';
import { EVENT_LOOP_AUTOCHECKPOINT_PAGES, startSqliteCheckpointer } from './sqlite-checkpointer.js';
import { until } from './testing.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

describe('SQLite checkpoints off the event loop', () => {
  let tdb: TestDatabase;
  let db: Database;
  before(async () => {
    tdb = await createTestDatabase('sqlite');
    db = await openDatabase(tdb.config);
  });
  after(async () => {
    await db.close();
    await tdb.drop();
  });

  it('a commit leaves 2.4 MB of WAL (600 pages) alone; the worker copies it into the database within seconds', async () => {
    const blob = 'x'.repeat(4000);
    const size = () => statSync(tdb.config.path).size;
    const before = size();
    for (let i = 0; i < 600; i++)
      await sql`insert into settings (key, value, updated_at) values (${`k${i}`}, ${blob}, ${i})`.execute(
        db.db,
      );
    // SQLite's own automatic checkpoint (after 1000 pages) would not have run yet either; the
    // point is that ours does not run on this thread: the rows are in the WAL only.
    assert.ok(size() - before < 1_000_000, 'no checkpoint on the committing thread');
    for (let i = 0; i < 50 && size() - before < 2_400_000; i++)
      await new Promise((r) => setTimeout(r, 100));
    assert.ok(size() - before >= 2_400_000, `the worker copied the WAL (${size() - before} bytes)`);
  });

  it('the event loop connection checkpoints by itself only far past SQLite’s default 1000 pages', async () => {
    const r = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db.db);
    assert.equal(r.rows[0]!.wal_autocheckpoint, EVENT_LOOP_AUTOCHECKPOINT_PAGES);
    assert.ok(EVENT_LOOP_AUTOCHECKPOINT_PAGES >= 10_000);
  });
});

describe('SQLite checkpoint thread while nothing is written', () => {
  let dir: string;
  let conn: SQLite.Database;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tollgate-checkpointer-'));
    conn = new SQLite(join(dir, 'wal.db'));
    conn.pragma('journal_mode = WAL');
    conn.pragma('wal_autocheckpoint = 0');
    conn.exec('create table t (v text)');
  });
  after(() => {
    conn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** About 1.2 MB of WAL. */
  const write = () => {
    const insert = conn.prepare('insert into t (v) values (?)');
    for (let i = 0; i < 300; i++) insert.run('x'.repeat(4000));
  };
  const eventually = async (what: string, done: () => boolean) => {
    await until(async () => done());
    assert.ok(done(), what);
  };

  it('the thread empties the WAL file and ends; new writes start it again', async () => {
    const checkpointer = startSqliteCheckpointer(join(dir, 'wal.db'), {
      idleMs: 200,
      watchEveryMs: 50,
    });
    try {
      write();
      await eventually('the thread started', () => checkpointer.running);
      await eventually('the thread ended', () => !checkpointer.running);
      assert.equal(statSync(join(dir, 'wal.db-wal')).size, 0, 'the WAL file is empty');
      assert.equal((conn.prepare('select count(*) as n from t').get() as { n: number }).n, 300);
      write();
      await eventually('the thread started again', () => checkpointer.running);
    } finally {
      await checkpointer.close();
    }
    assert.equal(checkpointer.running, false);
  });
});
