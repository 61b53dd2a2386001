import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { after, before, describe } from 'node:test';
import type { DatabaseConfig } from '../config/index.js';
import { openDatabase, type Database } from './database.js';
import { createSqlStores, type SqlStores } from './index.js';

/** A throw-away database for one test file: its own SQLite file or PostgreSQL schema. */
export interface TestDatabase {
  readonly kind: 'sqlite' | 'postgres';
  readonly config: DatabaseConfig;
  drop(): Promise<void>;
}

export const TEST_DATABASE_KINDS: readonly ('sqlite' | 'postgres')[] = ['sqlite', 'postgres'];

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

const base = {
  path: '',
  url: '',
  poolSize: 5,
  acquireTimeoutMs: 2000,
  queryTimeoutMs: 2000,
  // Long: a change must reach a kept row through its notification, not by the row aging out.
  rowCacheTtlMs: 600_000,
  sqliteSynchronous: 'normal',
} as const;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
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
    drop: () =>
      withClient(serverUrl, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(
        () => undefined,
      ),
  };
}

/** What a store contract suite gets: a migrated test database of one kind and its stores. */
export interface StoreSuite {
  readonly kind: 'sqlite' | 'postgres';
  readonly testDb: TestDatabase;
  readonly database: Database;
  readonly stores: SqlStores;
  /** Closes the database and opens it again (the data must still be there). */
  reopen(): Promise<void>;
}

/**
 * The contract suites' setup, once: `describe(title on sqlite|postgres)` for every database
 * kind, with a fresh migrated database opened before the suite's tests and dropped after.
 */
export function describeOnEachDatabase(title: string, body: (suite: StoreSuite) => void): void {
  for (const kind of TEST_DATABASE_KINDS) {
    describe(`${title} on ${kind}`, () => {
      let testDb: TestDatabase | undefined;
      let database: Database | undefined;
      let stores: SqlStores | undefined;
      const ready = <T>(value: T | undefined): T => {
        if (value === undefined) throw new Error('the test database is not open yet');
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

/**
 * Waits until `done` holds, at most about ten seconds (what another connection sends, e.g. a
 * change notification, arrives on its own time); the test's assertions then say what failed.
 */
export async function until(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await done()); i++) await new Promise((r) => setTimeout(r, 100));
}
