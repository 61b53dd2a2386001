// Migrations on PostgreSQL read the table list of the schema they work in only. Kysely's own
// introspector read every schema of the database and asked has_schema_privilege of each by name:
// a schema dropped meanwhile (another test file's, another deployment's) failed the migration
// with "schema … does not exist" (a fresh-clone CI run failed so).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openDatabase } from './database.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

const serverUrl = process.env['TOLLGATE_TEST_PG_URL'] || 'postgres://postgres@127.0.0.1:5432/test';

describe('PostgreSQL migrations beside other schemas', () => {
  const dropped: TestDatabase[] = [];
  after(async () => {
    for (const db of dropped) await db.drop();
  });

  it('lists the current schema’s tables only, with their columns', async () => {
    const other = await createTestDatabase('postgres');
    dropped.push(other);
    const otherDb = await openDatabase(other.config);
    await otherDb.close();
    const mine = await createTestDatabase('postgres');
    dropped.push(mine);
    const database = await openDatabase(mine.config);
    try {
      await database.db.schema.createTable('only_here').addColumn('x', 'integer').execute();
      const tables = await database.db.introspection.getTables({ withInternalKyselyTables: true });
      const schemas = new Set(tables.map((t) => t.schema));
      assert.equal(schemas.size, 1, `one schema, got ${[...schemas].join(', ')}`);
      assert.equal(
        new URL(mine.config.url).searchParams.get('options'),
        `-c search_path=${[...schemas][0]}`,
      );
      const names = tables.map((t) => t.name);
      assert.ok(names.includes('kysely_migration') && names.includes('access_tokens'));
      assert.equal(names.filter((n) => n === 'access_tokens').length, 1);
      const onlyHere = tables.find((t) => t.name === 'only_here');
      assert.deepEqual(
        onlyHere?.columns.map((c) => [c.name, c.dataType, c.isNullable]),
        [['x', 'int4', true]],
      );
      const hidden = await database.db.introspection.getTables();
      assert.ok(!hidden.some((t) => t.name === 'kysely_migration'));
    } finally {
      await database.close();
    }
  });

  it('migrates a new schema while other schemas of the database are dropped', async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    let churning = true;
    // Creates and drops schemas, each with a table, for as long as the migrations run.
    const churn = (async () => {
      while (churning) {
        const name = `churn_${randomBytes(6).toString('hex')}`;
        await admin.query(`create schema ${name}; create table ${name}.t (x int)`);
        await admin.query(`drop schema ${name} cascade`);
      }
    })();
    try {
      for (let i = 0; i < 8; i++) {
        const testDb = await createTestDatabase('postgres');
        dropped.push(testDb);
        const database = await openDatabase(testDb.config);
        await database.close();
      }
    } finally {
      churning = false;
      await churn;
      await admin.end();
    }
  });
});
