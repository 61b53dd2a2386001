import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from './index.js';
import { createTestDatabase } from './testing.js';
import { GroupCommitWriter } from './write-batcher.js';
describe('group commit of SQLite writes', () => {
    let tdb;
    let database;
    before(async () => {
        tdb = await createTestDatabase('sqlite');
        database = await openDatabase(tdb.config);
    });
    after(async () => {
        await database.close();
        await tdb.drop();
    });
    const scopeRow = (name) => ({ name, description: '', roles: '[]', created_at: 1 });
    const names = async () => (await database.db.selectFrom('scopes').select('name').orderBy('name').execute()).map((r) => r.name);
    it('commits concurrent writes together, and a failing write rolls back only its own changes', async () => {
        const writer = new GroupCommitWriter(database.db);
        const results = await Promise.allSettled([
            writer.run(async (trx) => {
                await trx.insertInto('scopes').values(scopeRow('a')).execute();
                return 'a';
            }),
            writer.run(async (trx) => {
                await trx.insertInto('scopes').values(scopeRow('b')).execute();
                throw new Error('b fails after its insert');
            }),
            writer.run(async (trx) => {
                await trx.insertInto('scopes').values(scopeRow('c')).execute();
                return 'c';
            }),
        ]);
        assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
        assert.equal(results[1].reason.message, 'b fails after its insert');
        assert.deepEqual(await names(), ['a', 'c']);
    });
    it('keeps going after a batch: later writes are committed too', async () => {
        const writer = new GroupCommitWriter(database.db, 2);
        const all = await Promise.all(['d', 'e', 'f', 'g', 'h'].map((n) => writer.run(async (trx) => {
            await trx.insertInto('scopes').values(scopeRow(n)).execute();
            return n;
        })));
        assert.deepEqual(all, ['d', 'e', 'f', 'g', 'h']);
        assert.deepEqual(await names(), ['a', 'c', 'd', 'e', 'f', 'g', 'h']);
    });
});
//# sourceMappingURL=write-batcher.test.js.map