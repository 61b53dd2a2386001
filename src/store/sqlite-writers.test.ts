// One SQLite file written by several processes (workers of `tollgate start`, the CLI): two
// handles on the file stand for two processes here, since SQLite locks per connection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
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
  const nextTurn = () => new Promise((r) => setImmediate(r));

  it("keeps a client row through another process's token writes, and reads it again once another process changes it", async () => {
    await two.db
      .insertInto('users')
      .values({
        id: 'u1',
        username: 'u1',
        password_hash: 'x',
        roles: '[]',
        status: 'active',
        created_at: 1,
        updated_at: 1,
      })
      .execute();
    await two.db
      .insertInto('applications')
      .values({
        id: 'a1',
        name: 'A',
        owner_id: 'u1',
        description: '',
        token_type: 'opaque',
        grant_types: '[]',
        access_token_lifetime: null,
        refresh_token_lifetime: null,
        created_at: 1,
      })
      .execute();
    await two.db
      .insertInto('client_keys')
      .values({
        consumer_key: 'k1',
        application_id: 'a1',
        environment: 'production',
        secret_hash: 'h1',
        created_at: 1,
        secret_updated_at: 1,
      })
      .execute();
    const version = async () =>
      (await sql<{ version: number }>`select version from row_changes`.execute(one.db)).rows[0]!
        .version;
    const first = await one.hot.reads.client('k1');
    assert.equal(first?.secret_hash, 'h1');
    const before = await version();

    // The other process commits tokens (as another worker does all the time): the row is kept.
    for (const jti of ['t1', 't2'])
      await two.db
        .insertInto('access_tokens')
        .values({
          jti,
          token_hash: jti,
          consumer_key: 'k1',
          application_id: 'a1',
          user_id: 'u1',
          scope: '',
          family_id: null,
          grant_type: 'client_credentials',
          issued_at: 1,
          expires_at: 2,
          revoked_at: null,
        })
        .execute();
    await nextTurn();
    assert.equal(await version(), before, 'token writes do not count as row changes');
    assert.equal(
      await one.hot.reads.client('k1'),
      first,
      'the same row object: kept, not read again',
    );

    // The other process regenerates the secret: the next turn reads the row again.
    await two.db
      .updateTable('client_keys')
      .set({ secret_hash: 'h2' })
      .where('consumer_key', '=', 'k1')
      .execute();
    await nextTurn();
    assert.equal((await one.hot.reads.client('k1'))?.secret_hash, 'h2');

    // So does a change to the application or the user (here: the user is disabled).
    const kept = await one.hot.reads.user('u1');
    await two.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', 'u1').execute();
    await nextTurn();
    assert.notEqual(await one.hot.reads.user('u1'), kept);
    assert.equal((await one.hot.reads.user('u1'))?.status, 'disabled');
  });
});
