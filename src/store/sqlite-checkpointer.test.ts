// SQLite's WAL is copied back into the database by the checkpointer's worker thread, not by
// the event loop's connections (whose automatic checkpoint would block every request).
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Database } from './index.js';
import { EVENT_LOOP_AUTOCHECKPOINT_PAGES } from './sqlite-checkpointer.js';
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
