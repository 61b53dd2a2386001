// One SQLite file written by several processes (workers of `tollgate start`, the CLI): two
// handles on the file stand for two processes here, since SQLite locks per connection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, type Database } from './index.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

describe('SQLite written by several processes', () => {
  let tdb: TestDatabase;
  let one: Database;
  let two: Database;
  before(async () => {
    tdb = await createTestDatabase('sqlite');
    one = await openDatabase(tdb.config);
    two = await openDatabase(tdb.config);
  });
  after(async () => {
    await one.close();
    await two.close();
    await tdb.drop();
  });

  const scopeRow = (name: string) => ({ name, description: '', roles: '[]', created_at: 1 });

  it('a transaction that reads, then writes, is not undone by another writer in between, and the other waits without blocking', async () => {
    let otherDone = false;
    {
      const readThenWrite = one.db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('scopes').select('name').execute();
        // Another process writes while this transaction holds its snapshot.
        const other = two.db
          .insertInto('scopes')
          .values(scopeRow('from-two'))
          .execute()
          .then(() => (otherDone = true));
        await new Promise((r) => setTimeout(r, 50));
        assert.equal(otherDone, false, 'the other writer waits for this transaction');
        await trx.insertInto('scopes').values(scopeRow('from-one')).execute();
        return { before: before.length, other };
      });
      const { before, other } = await readThenWrite;
      await other;
      assert.equal(before, 0);
      const names = (
        await two.db.selectFrom('scopes').select('name').orderBy('name').execute()
      ).map((r) => r.name);
      assert.deepEqual(names, ['from-one', 'from-two']);
    }
  });
});
