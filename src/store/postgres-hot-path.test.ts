// The token path's statements on PostgreSQL are index probes whatever the statistics say: pg
// keeps each named statement's plan per connection, and PostgreSQL's generic plan made while
// the tables were empty scanned refresh_tokens (and hashed token_families) in every refresh
// and rotation batch, slower with every token stored until autovacuum analysed the table.
// The token path's connections run those generic plans only (plan_cache_mode), so the plans
// checked here are the ones it runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { hotPathConnection, openDatabase, poolSizes, type Database } from './database.js';
import { HOT_STATEMENTS } from './postgres-hot-path.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

/** The generic plan (the one a named statement keeps) of `text`, every parameter `value`. */
async function genericPlan(client: pg.Client, name: string, text: string): Promise<string> {
  await client.query(`prepare ${name} as ${text}`);
  const { rows } = await client.query<{ t: string[] }>(
    'select parameter_types::text[] as t from pg_prepared_statements where name = $1',
    [name],
  );
  const args = rows[0]!.t.map((t) => (t.endsWith('[]') ? `'{}'` : t === 'json' ? `'[]'` : `'x'`));
  const plan = await client.query<{ 'QUERY PLAN': string }>(
    `explain execute ${name}(${args.join(', ')})`,
  );
  return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('PostgreSQL token path plans', () => {
  let testDb: TestDatabase;
  let database: Database;
  let client: pg.Client;

  before(async () => {
    testDb = await createTestDatabase('postgres');
    database = await openDatabase(testDb.config); // migrated, tables empty and never analysed
    client = new pg.Client(hotPathConnection(testDb.config.url));
    await client.connect(); // as the token path connects: its settings at start-up
  });
  after(async () => {
    await client?.end();
    await database?.close();
    await testDb?.drop();
  });

  for (const [name, text] of Object.entries(HOT_STATEMENTS)) {
    it(`${name} probes indexes on a new database`, async () => {
      const plan = await genericPlan(client, name, text);
      assert.doesNotMatch(plan, /Seq Scan|Hash Join|Merge Join/, plan);
      // Nor walks a whole index: each index scan has a key to look up (a rotation's batch as a
      // JSON recordset walked refresh_tokens_family whole, every row filtered by its hash).
      const nodes = plan.split(/\n(?=\s*->)/);
      for (const node of nodes.filter((n) => /Index (Only )?Scan/.test(n)))
        assert.match(node, /Index Cond/, plan);
    });
  }

  it('runs the generic plan of each statement: never plans one again per execution', async () => {
    const { rows } = await client.query<{ plan_cache_mode: string }>('show plan_cache_mode');
    assert.equal(rows[0]!.plan_cache_mode, 'force_generic_plan');
    // A one-key lookup, whose plan for its values PostgreSQL estimates cheaper than the generic.
    const name = 'tg_plan_mode_check';
    for (let i = 0; i < 8; i++)
      await client.query({ name, text: HOT_STATEMENTS.tg_access_hash!, values: [[`k${i}`]] });
    const plans = await client.query<{ generic_plans: number; custom_plans: number }>(
      'select generic_plans::int, custom_plans::int from pg_prepared_statements where name = $1',
      [name],
    );
    assert.deepEqual(plans.rows[0], { generic_plans: 8, custom_plans: 0 });
  });

  it('splits pool_size: two thirds for the token path, at least two each', () => {
    assert.deepEqual(poolSizes(10), { hot: 7, other: 3 });
    assert.deepEqual(poolSizes(5), { hot: 3, other: 2 });
    assert.deepEqual(poolSizes(1), { hot: 2, other: 2 });
  });
});
