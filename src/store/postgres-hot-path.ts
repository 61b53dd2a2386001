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
import { IssuedRefreshTokens } from './issued-refresh-tokens.js';
import type { RowCache } from './postgres-row-cache.js';
import { eachAloneOnFailure, GroupCommit } from './write-batcher.js';

/** Each kind of row a batch writes: its columns (its INSERT's order) and their types. */
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
const ACCESS_NAMES = ACCESS_INSERT_COLUMNS.split(', ');
const FAMILY_NAMES = FAMILY_INSERT_COLUMNS.split(', ');
const REFRESH_NAMES = REFRESH_INSERT_COLUMNS.split(', ');

/**
 * `json_to_recordset($n::json) as alias(column type, …)`: the rows of one kind as ONE parameter,
 * a JSON array of objects keyed by column, where one array parameter per column (unnest) cost
 * the backend about twice the CPU per batch and the driver more to encode (driving a batch of 5
 * client_credentials tokens directly, interleaved: 415-615 -> 205-270 us of backend CPU).
 */
function recordset(
  param: number,
  alias: string,
  names: readonly string[],
  types: readonly string[],
  guard: boolean,
): string {
  const columns = names.map((n, i) => `${n} ${types[i]!}`);
  if (guard) columns.push('guard text');
  return `json_to_recordset($${param}::json) as ${alias}(${columns.join(', ')})`;
}

/** A row of `names` and `values` as the object its recordset reads (with its guard, if any). */
function record(
  names: readonly string[],
  values: readonly unknown[],
  guard?: string | null,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
  if (guard !== undefined) row['guard'] = guard;
  return row;
}

/** Batches of one kind of token lookup running at once (three kinds, beside the writes). */
const READS_IN_FLIGHT = 2;

/** Batches of token writes committing at once (see postgresHotPath). */
const WRITES_IN_FLIGHT = 4;

/**
 * Writes the next batch waits for while another commits (GroupCommit): a batch's statement
 * has a fixed cost (start-up and the commit's WAL flush: driving batches of 5 client_credentials
 * tokens directly, about half of the backend's CPU per batch), and with every write read meanwhile
 * dispatched at once the batches at c=16 held ~5 tokens. Holding them until 4 (or until no
 * batch commits) cut PostgreSQL's CPU per token at c=16 in 11 of 12 interleaved runs; 8 was
 * no better.
 */
const MIN_BATCH_WHILE_BUSY = 4;

/** Which rows a batch of token writes holds besides its access tokens. */
interface BatchParts {
  readonly rotations: boolean;
  readonly families: boolean;
  readonly refreshes: boolean;
}

/** The statement of a batch with `parts`: one JSON parameter per kind of row it holds. */
function batchStatement({ rotations, families, refreshes }: BatchParts) {
  let params = 0;
  // With rotations, every row carries the refresh token its issuance replaces (null: none).
  const rows = (alias: string, names: readonly string[], types: readonly string[]) =>
    recordset(++params, alias, names, types, rotations);
  const won = rotations ? ' where guard is null or guard in (select token_hash from consumed)' : '';
  const ctes: string[] = [];
  // The rotations as two arrays: as a JSON recordset (estimated 100 rows where unnest is 10)
  // the generic plan walked refresh_tokens_family whole and filtered every row by its hash,
  // slower with every token stored.
  if (rotations) {
    params += 2;
    ctes.push(`consumed as (
  update refresh_tokens t set consumed_at = c.at
  from unnest($1::text[], $2::int8[]) as c(old_hash, at)
  where t.token_hash = c.old_hash and t.consumed_at is null and t.revoked_at is null
    and not exists (select from token_families f where f.id = t.family_id and f.revoked_at is not null)
  returning t.token_hash)`);
  }
  ctes.push(`acc as (select * from ${rows('x', ACCESS_NAMES, ACCESS_TYPES)})`);
  if (families)
    ctes.push(`fam as (
  insert into token_families (${FAMILY_INSERT_COLUMNS})
  select ${FAMILY_INSERT_COLUMNS} from ${rows('y', FAMILY_NAMES, FAMILY_TYPES)}${won})`);
  if (refreshes)
    ctes.push(`ins_ref as (
  insert into refresh_tokens (${REFRESH_INSERT_COLUMNS})
  select ${REFRESH_INSERT_COLUMNS} from ${rows('z', REFRESH_NAMES, REFRESH_TYPES)}${won})`);
  ctes.push(`ins_acc as (
  insert into access_tokens (${ACCESS_INSERT_COLUMNS})
  select ${ACCESS_INSERT_COLUMNS} from acc${won})`);
  const issuance = `insert into token_issuance (application_id, consumer_key, user_id, grant_type, issued_at)
  select application_id, consumer_key, user_id, grant_type, issued_at from acc${won}`;
  // The statement answers the rotations that won; without rotations, nothing.
  const last = rotations
    ? `ins_iss as (\n  ${issuance})\nselect token_hash from consumed`
    : issuance;
  return `with\n${ctes.join(',\n')}${rotations ? ',\n' : '\n'}${last}`;
}

/** Name of the statement of a batch with `parts` (r: rotations, f: families, t: refresh tokens). */
function batchName({ rotations, families, refreshes }: BatchParts): BatchName {
  return `tg_batch_${rotations ? 'r' : ''}${families ? 'f' : ''}${refreshes ? 't' : ''}` as BatchName;
}

type BatchName = `tg_batch_${string}`;

/**
 * A whole batch of token writes in ONE statement (data-modifying CTEs are one atomic unit,
 * committed with the statement): the rotations' conditional UPDATE first, then the rows of
 * every issuance whose rotation won (the `guard` column names the refresh token a successor
 * replaces; null = a plain issuance). A rotation needs its token unconsumed and unrevoked and
 * its family unrevoked: a successor committed while a revocation of its family ran is not seen
 * by that revocation's UPDATE, and a refresh of a token this process issued does not read the
 * family first (issued-refresh-tokens.ts). One round trip and one commit for the batch. One
 * statement per combination of the kinds of rows a batch holds, each of a fixed text (prepared
 * once per connection whatever the batch size): a batch of client_credentials tokens only
 * inserts access tokens, and a CTE over empty arrays still opened its table and every index of
 * it and parsed its arrays (a third of PostgreSQL's CPU for a batch of one).
 */
const BATCHES: Record<BatchName, string> = {};
for (const rotations of [false, true])
  for (const families of [false, true])
    for (const refreshes of [false, true]) {
      const parts = { rotations, families, refreshes };
      BATCHES[batchName(parts)] = batchStatement(parts);
    }

const byKeys = (select: string, column: string) => `${select} where ${column} = any($1::text[])`;

/** The token path's statements by name (pg prepares each once per connection). */
export const HOT_STATEMENTS: Readonly<Record<string, string>> = {
  tg_client: `select ${CLIENT_COLUMNS} from client_keys k join applications a on a.id = k.application_id where k.consumer_key = $1`,
  tg_user: 'select * from users where id = $1',
  tg_access_hash: byKeys('select * from access_tokens', 'token_hash'),
  tg_access_jti: byKeys('select * from access_tokens', 'jti'),
  tg_refresh: byKeys(
    `select ${REFRESH_COLUMNS} from refresh_tokens r join token_families f on f.id = r.family_id`,
    'r.token_hash',
  ),
  ...BATCHES,
};

type LookupName = 'tg_access_hash' | 'tg_access_jti' | 'tg_refresh';

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
    name: 'tg_client' | 'tg_user',
    text: string,
    value: string,
  ): Promise<T | undefined> =>
    (await pool.query({ name, text, values: [value] })).rows[0] as T | undefined;

  async function commit(ws: readonly TokenWrite[]): Promise<TokenWriteResult[]> {
    const rotations = ws.some((w) => w.kind === 'rotate');
    const guard = (w: TokenWrite) =>
      !rotations ? undefined : w.kind === 'rotate' ? w.oldTokenHash : null;
    const oldHashes: string[] = [];
    const consumedAt: number[] = [];
    const acc: Record<string, unknown>[] = [];
    const fam: Record<string, unknown>[] = [];
    const ref: Record<string, unknown>[] = [];
    for (const w of ws) {
      if (w.kind === 'rotate') {
        oldHashes.push(w.oldTokenHash);
        consumedAt.push(w.now);
      }
      acc.push(record(ACCESS_NAMES, accessValues(w.issuance), guard(w)));
      const f = familyValues(w.issuance);
      if (f) fam.push(record(FAMILY_NAMES, f, guard(w)));
      const r = refreshValues(w.issuance);
      if (r) ref.push(record(REFRESH_NAMES, r, guard(w)));
    }
    const parts = { rotations, families: fam.length > 0, refreshes: ref.length > 0 };
    const values = [
      ...(rotations ? [oldHashes, consumedAt] : []),
      ...[acc, ...(parts.families ? [fam] : []), ...(parts.refreshes ? [ref] : [])].map((rows) =>
        JSON.stringify(rows),
      ),
    ];
    const name = batchName(parts);
    const { rows } = await pool.query<{ token_hash: string }>({
      name,
      text: BATCHES[name],
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
    setImmediate,
    MIN_BATCH_WHILE_BUSY,
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
    issuedRefresh: new IssuedRefreshTokens(),
    close: async () => {
      await rows.close();
      await pool.end();
    },
  };
}
