import type { Pool } from 'pg';
import type { RotationOutcome } from '../keymanager/store.js';
import {
  ACCESS_INSERT_COLUMNS,
  accessValues,
  CLIENT_COLUMNS,
  FAMILY_INSERT_COLUMNS,
  familyValues,
  REFRESH_COLUMNS,
  REFRESH_INSERT_COLUMNS,
  refreshValues,
  type ClientRow,
  type HotPath,
  type RefreshRow,
  type TokenWrite,
  type TokenWriteResult,
} from './hot-path.js';
import type { RowCache } from './postgres-row-cache.js';
import { eachAloneOnFailure, GroupCommit } from './write-batcher.js';

const ACCESS_TYPES = [
  'text', // jti
  'text', // token_hash
  'text', // consumer_key
  'text', // application_id
  'text', // user_id
  'text', // scope
  'text', // family_id
  'text', // grant_type
  'int8', // issued_at
  'int8', // expires_at
  'int8', // revoked_at
];
const FAMILY_TYPES = ['text', 'text', 'text', 'int8', 'int8', 'int8'];
const REFRESH_TYPES = ['text', 'text', 'text', 'text', 'text', 'int8', 'int8', 'int8', 'int8'];

/** `unnest($n::t[], …) as alias(cols…, guard)`: one array parameter per column. */
function unnest(first: number, types: readonly string[], alias: string, columns: string): string {
  const arrays = [...types, 'text'].map((t, i) => `$${first + i}::${t}[]`).join(', ');
  return `unnest(${arrays}) as ${alias}(${columns}, guard)`;
}

/** Batches of one kind of token lookup running at once (three kinds, beside the writes). */
const READS_IN_FLIGHT = 2;

/** Batches of token writes committing at once (see postgresHotPath). */
const WRITES_IN_FLIGHT = 4;

const A_FIRST = 3;
const F_FIRST = A_FIRST + ACCESS_TYPES.length + 1;
const R_FIRST = F_FIRST + FAMILY_TYPES.length + 1;
const WON = 'guard is null or guard in (select token_hash from consumed)';

/**
 * A whole batch of token writes in ONE statement (data-modifying CTEs are one atomic unit,
 * committed with the statement): the rotations' conditional UPDATE first, then the rows of
 * every issuance whose rotation won (the `guard` column names the refresh token a successor
 * replaces; null = a plain issuance). One round trip and one commit for the batch, and one
 * fixed statement text, prepared once per connection whatever the batch size.
 */
const BATCH_SQL = `with
consumed as (
  update refresh_tokens t set consumed_at = c.at
  from unnest($1::text[], $2::int8[]) as c(old_hash, at)
  where t.token_hash = c.old_hash and t.consumed_at is null and t.revoked_at is null
  returning t.token_hash),
acc as (select * from ${unnest(A_FIRST, ACCESS_TYPES, 'x', ACCESS_INSERT_COLUMNS)}),
fam as (
  insert into token_families (${FAMILY_INSERT_COLUMNS})
  select ${FAMILY_INSERT_COLUMNS} from ${unnest(F_FIRST, FAMILY_TYPES, 'y', FAMILY_INSERT_COLUMNS)}
  where ${WON}),
ins_acc as (
  insert into access_tokens (${ACCESS_INSERT_COLUMNS})
  select ${ACCESS_INSERT_COLUMNS} from acc where ${WON}),
ins_ref as (
  insert into refresh_tokens (${REFRESH_INSERT_COLUMNS})
  select ${REFRESH_INSERT_COLUMNS} from ${unnest(R_FIRST, REFRESH_TYPES, 'z', REFRESH_INSERT_COLUMNS)}
  where ${WON}),
ins_iss as (
  insert into token_issuance (application_id, consumer_key, user_id, grant_type, issued_at)
  select application_id, consumer_key, user_id, grant_type, issued_at from acc where ${WON})
select token_hash from consumed`;

const byKeys = (select: string, column: string) => `${select} where ${column} = any($1::text[])`;

/** The token path's statements by name (pg prepares each once per connection). */
export const HOT_STATEMENTS = {
  tg_client: `select ${CLIENT_COLUMNS} from client_keys k join applications a on a.id = k.application_id where k.consumer_key = $1`,
  tg_user: 'select * from users where id = $1',
  tg_access_hash: byKeys('select * from access_tokens', 'token_hash'),
  tg_access_jti: byKeys('select * from access_tokens', 'jti'),
  tg_refresh: byKeys(
    `select ${REFRESH_COLUMNS} from refresh_tokens r join token_families f on f.id = r.family_id`,
    'r.token_hash',
  ),
  tg_token_batch: BATCH_SQL,
} as const;

type LookupName = 'tg_access_hash' | 'tg_access_jti' | 'tg_refresh';

/** Column-wise arrays of rows (each row ends with its guard). */
function columns(rows: readonly unknown[][], width: number): unknown[][] {
  const cols: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i++) cols[i]!.push(row[i]);
  return cols;
}

/**
 * PostgreSQL's hot path on a pool of its own (database.ts: planned for key lookups): named
 * statements (prepared once per connection by pg) for the reads, and group commit of the
 * writes, one statement per batch. Several batches in flight: while one waits for its WAL
 * flush, the writes read meanwhile are executed at once, and PostgreSQL's next flush covers
 * every commit inserted before it starts (its own group commit). With fewer batches in
 * flight the writes read during a flush wait for a free one, miss the next flush and wait for
 * the one after (driving the writes directly, 16 loops: more in flight, more per second).
 */
export function postgresHotPath(pool: Pool, poolSize: number, rows: RowCache): HotPath {
  const one = async <T>(
    name: keyof typeof HOT_STATEMENTS,
    text: string,
    value: string,
  ): Promise<T | undefined> =>
    (await pool.query({ name, text, values: [value] })).rows[0] as T | undefined;

  async function commit(ws: readonly TokenWrite[]): Promise<TokenWriteResult[]> {
    const rotOld: string[] = [];
    const rotAt: number[] = [];
    const acc: unknown[][] = [];
    const fam: unknown[][] = [];
    const ref: unknown[][] = [];
    for (const w of ws) {
      const guard = w.kind === 'rotate' ? w.oldTokenHash : null;
      if (w.kind === 'rotate') {
        rotOld.push(w.oldTokenHash);
        rotAt.push(w.now);
      }
      acc.push([...accessValues(w.issuance), guard]);
      const f = familyValues(w.issuance);
      if (f) fam.push([...f, guard]);
      const r = refreshValues(w.issuance);
      if (r) ref.push([...r, guard]);
    }
    const values = [
      rotOld,
      rotAt,
      ...columns(acc, ACCESS_TYPES.length + 1),
      ...columns(fam, FAMILY_TYPES.length + 1),
      ...columns(ref, REFRESH_TYPES.length + 1),
    ];
    const { rows } = await pool.query<{ token_hash: string }>({
      name: 'tg_token_batch',
      text: HOT_STATEMENTS.tg_token_batch,
      values,
    });
    const won = new Set(rows.map((r) => r.token_hash));
    return ws.map((w) =>
      w.kind === 'rotate' ? (won.has(w.oldTokenHash) ? 'rotated' : 'already_consumed') : undefined,
    );
  }

  // Two refreshes of one token in one batch: the first decides, the second lost the race.
  async function commitBatch(ws: readonly TokenWrite[]) {
    const seen = new Set<string>();
    const lost: boolean[] = ws.map((w) => {
      if (w.kind !== 'rotate') return false;
      if (seen.has(w.oldTokenHash)) return true;
      seen.add(w.oldTokenHash);
      return false;
    });
    const rest = ws.filter((_, i) => !lost[i]);
    const outcomes = await eachAloneOnFailure(rest, commit, async (w) => (await commit([w]))[0]);
    let k = 0;
    return ws.map((_, i) =>
      lost[i]
        ? { ok: true as const, value: 'already_consumed' as RotationOutcome }
        : outcomes[k++]!,
    );
  }

  /**
   * Token lookups by one key, batched like the writes: the lookups that arrive while one is in
   * flight (or in the same turn) share one statement (`where key = any($1)`), one round trip
   * and one socket write. Each still reads what is committed when it runs, after its request
   * arrived: revocations and rotations on any node are seen at once.
   */
  function batched<T extends Record<string, unknown>>(
    name: LookupName,
    key: keyof T & string,
  ): (value: string) => Promise<T | undefined> {
    const text = HOT_STATEMENTS[name];
    const lookups = new GroupCommit<string, T | undefined>(
      async (values) => {
        const { rows } = await pool.query<T>({ name, text, values: [[...new Set(values)]] });
        const byKey = new Map(rows.map((r) => [r[key] as string, r]));
        return values.map((v) => ({ ok: true, value: byKey.get(v) }));
      },
      256,
      READS_IN_FLIGHT,
    );
    return (value) => lookups.run(value);
  }

  // Leave connections for the reads (READS_IN_FLIGHT of one kind at least).
  const group = new GroupCommit<TokenWrite, TokenWriteResult>(
    commitBatch,
    64,
    Math.max(1, Math.min(WRITES_IN_FLIGHT, poolSize - READS_IN_FLIGHT - 1)),
  );
  return {
    reads: {
      client: (k) =>
        rows.get(`c ${k}`, () => one<ClientRow>('tg_client', HOT_STATEMENTS.tg_client, k)),
      user: (id) => rows.get(`u ${id}`, () => one('tg_user', HOT_STATEMENTS.tg_user, id)),
      accessByHash: batched('tg_access_hash', 'token_hash'),
      accessByJti: batched('tg_access_jti', 'jti'),
      refresh: batched<RefreshRow>('tg_refresh', 'token_hash'),
      forget: rows.forget,
    },
    writes: {
      issue: async (issuance) => {
        await group.run({ kind: 'issue', issuance });
      },
      rotate: async (oldTokenHash, now, issuance) =>
        (await group.run({ kind: 'rotate', oldTokenHash, now, issuance }))!,
    },
    beforeOtherStatement: () => undefined,
    close: async () => {
      await rows.close();
      await pool.end();
    },
  };
}
