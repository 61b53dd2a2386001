import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { after, before, describe } from 'node:test';
import { openDatabase } from './database.js';
import { createSqlStores } from './index.js';
export const TEST_DATABASE_KINDS = ['sqlite', 'postgres'];
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const base = {
    path: '',
    url: '',
    poolSize: 5,
    acquireTimeoutMs: 2000,
    queryTimeoutMs: 2000,
    sqliteSynchronous: 'normal',
};
async function withClient(url, fn) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
        return await fn(client);
    }
    finally {
        await client.end();
    }
}
export async function createTestDatabase(kind) {
    if (kind === 'sqlite') {
        const dir = mkdtempSync(join(tmpdir(), 'tollgate-db-'));
        return {
            kind,
            config: { ...base, type: 'sqlite', path: join(dir, 'tollgate.db') },
            drop: async () => rmSync(dir, { recursive: true, force: true }),
        };
    }
    const serverUrl = process.env['TOLLGATE_TEST_PG_URL'] || DEFAULT_PG_URL;
    const schema = `t_${randomBytes(8).toString('hex')}`;
    await withClient(serverUrl, (c) => c.query(`CREATE SCHEMA "${schema}"`));
    // Every pooled connection starts with this search_path, so unqualified names land in the schema.
    const url = new URL(serverUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
        kind,
        config: { ...base, type: 'postgres', url: url.toString() },
        drop: () => withClient(serverUrl, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => undefined),
    };
}
/**
 * The contract suites' setup, once: `describe(title on sqlite|postgres)` for every database
 * kind, with a fresh migrated database opened before the suite's tests and dropped after.
 */
export function describeOnEachDatabase(title, body) {
    for (const kind of TEST_DATABASE_KINDS) {
        describe(`${title} on ${kind}`, () => {
            let testDb;
            let database;
            let stores;
            const ready = (value) => {
                if (value === undefined)
                    throw new Error('the test database is not open yet');
                return value;
            };
            before(async () => {
                testDb = await createTestDatabase(kind);
                database = await openDatabase(testDb.config);
                stores = createSqlStores(database);
            });
            after(async () => {
                await database?.close();
                await testDb?.drop();
            });
            body({
                kind,
                get testDb() {
                    return ready(testDb);
                },
                get database() {
                    return ready(database);
                },
                get stores() {
                    return ready(stores);
                },
                async reopen() {
                    await ready(database).close();
                    database = await openDatabase(ready(testDb).config);
                    stores = createSqlStores(database);
                },
            });
        });
    }
}
//# sourceMappingURL=testing.js.map