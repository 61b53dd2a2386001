import type SQLite from 'better-sqlite3';
import type { Issuance } from '../keymanager/model.js';
import {
  ACCESS_INSERT_COLUMNS,
  accessValues,
  CLIENT_COLUMNS,
  FAMILY_INSERT_COLUMNS,
  familyValues,
  REFRESH_INSERT_COLUMNS,
  refreshValues,
  type ClientRow,
  type HotPath,
  type TokenWrite,
  type TokenWriteResult,
} from './hot-path.js';
import { readSnapshots } from './sqlite-read-snapshot.js';
import { ACCESS_SELECT, accessRow, REFRESH_SELECT, refreshRow } from './sqlite-token-rows.js';
import { retryBusy } from './sqlite-writers.js';
import { eachAloneOnFailure, GroupCommit } from './write-batcher.js';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * SQLite's hot path on its own connection (kysely keeps the other one): statements prepared
 * once, run synchronously by better-sqlite3 with no query compilation and no connection
 * mutex. A connection of its own reads only committed rows, and its write transactions never
 * interleave with a kysely transaction. Writes are grouped: one transaction (one WAL commit)
 * per batch of token requests.
 */
export function sqliteHotPath(conn: SQLite.Database): HotPath {
  const q = {
    client: conn.prepare(
      `select ${CLIENT_COLUMNS} from client_keys k join applications a on a.id = k.application_id where k.consumer_key = ?`,
    ),
    user: conn.prepare('select * from users where id = ?'),
    accessByHash: conn.prepare(`${ACCESS_SELECT} where token_hash = ?`).raw(true),
    accessByJti: conn.prepare(`${ACCESS_SELECT} where jti = ?`).raw(true),
    refresh: conn.prepare(`${REFRESH_SELECT} where r.token_hash = ?`).raw(true),
    family: conn.prepare(
      `insert into token_families (${FAMILY_INSERT_COLUMNS}) values (${marks(6)})`,
    ),
    access: conn.prepare(
      `insert into access_tokens (${ACCESS_INSERT_COLUMNS}) values (${marks(11)})`,
    ),
    refreshInsert: conn.prepare(
      `insert into refresh_tokens (${REFRESH_INSERT_COLUMNS}) values (${marks(9)})`,
    ),
    // The issuance record (statistics: Registered Users, tokens per grant).
    issuance: conn.prepare(
      'insert into token_issuance (application_id, consumer_key, user_id, grant_type, issued_at) values (?, ?, ?, ?, ?)',
    ),
    // The conditional UPDATE is the arbiter of concurrent refreshes (R30): one writer at a time.
    // A revoked family refuses it too, as on PostgreSQL (postgres-hot-path.ts).
    consume: conn.prepare(
      'update refresh_tokens set consumed_at = ? where token_hash = ? and consumed_at is null and revoked_at is null ' +
        'and not exists (select 1 from token_families f where f.id = refresh_tokens.family_id and f.revoked_at is not null)',
    ),
  };

  function insert(i: Issuance): void {
    const f = familyValues(i);
    if (f) q.family.run(f);
    q.access.run(accessValues(i));
    const r = refreshValues(i);
    if (r) q.refreshInsert.run(r);
    const a = i.access;
    q.issuance.run(a.applicationId, a.consumerKey, a.userId, a.grantType, a.issuedAt);
  }

  function apply(w: TokenWrite): TokenWriteResult {
    if (w.kind === 'rotate' && q.consume.run(w.now, w.oldTokenHash).changes === 0)
      return 'already_consumed';
    insert(w.issuance);
    return w.kind === 'rotate' ? 'rotated' : undefined;
  }

  const rows = rowCache(conn);
  const snapshot = readSnapshots(conn, rows.check);
  // IMMEDIATE: the write lock is taken at BEGIN, so a batch never fails half way for it.
  const allTx = conn.transaction((ws: readonly TokenWrite[]) => ws.map(apply)).immediate;
  const oneTx = conn.transaction(apply).immediate;
  const all = (ws: readonly TokenWrite[]) => (snapshot.close(), allTx(ws));
  const one = (w: TokenWrite) => (snapshot.close(), oneTx(w));
  // Another process (a worker of `tollgate start`, the CLI) may hold the write lock: waited
  // for without blocking the event loop (sqlite-writers.ts).
  const inTransaction = () => conn.inTransaction;
  // A batch is committed right after the reads of the requests that wrote it (afterReads):
  // a turn later, the requests read in the next turn would be read before it was committed,
  // and the writes of two cohorts would alternate in batches half as large.
  const group = new GroupCommit<TokenWrite, TokenWriteResult>(
    (ws) =>
      eachAloneOnFailure(
        ws,
        (batch) => retryBusy(async () => all(batch), inTransaction),
        (w) => retryBusy(async () => one(w), inTransaction),
      ),
    64,
    1,
    snapshot.afterReads,
  );

  // A token row as an object (sqlite-token-rows.ts), or undefined.
  const get = <T>(
    stmt: SQLite.Statement,
    row: (raw: unknown[]) => T,
    arg: string,
  ): Promise<T | undefined> =>
    snapshot.read(() => {
      const raw = stmt.get(arg) as unknown[] | undefined;
      return raw && row(raw);
    });
  // A kept row is taken only in a snapshot whose row_changes count was checked; after SQLITE_BUSY
  // the row is read again, outside the cache.
  const kept = <T>(key: string, stmt: SQLite.Statement, arg: string): Promise<T | undefined> =>
    snapshot.read(
      () => rows.get<T>(key, () => stmt.get(arg) as T | undefined),
      () => stmt.get(arg) as T | undefined,
    );
  return {
    reads: {
      client: (k) => kept<ClientRow>(`c ${k}`, q.client, k),
      user: (id) => kept(`u ${id}`, q.user, id),
      accessByHash: (h) => get(q.accessByHash, accessRow, h),
      accessByJti: (jti) => get(q.accessByJti, accessRow, jti),
      refresh: (h) => get(q.refresh, refreshRow, h),
      forget: rows.forget,
    },
    writes: {
      issue: async (issuance) => {
        await group.run({ kind: 'issue', issuance });
      },
      rotate: async (oldTokenHash, now, issuance) =>
        (await group.run({ kind: 'rotate', oldTokenHash, now, issuance }))!,
    },
    beforeOtherStatement: snapshot.close,
    close: () => {
      snapshot.close();
      conn.close();
    },
  };
}

/**
 * Client and user rows, read once and kept while no users, applications or client_keys row
 * changes: triggers count every such change in `row_changes` (migration 0016), whichever
 * connection or process makes it (this process's kysely connection, the CLI, another worker),
 * and `check` reads the count first in every read snapshot (sqlite-read-snapshot.ts); any
 * change empties the cache. Token writes, audit events and statistics do not count, so another
 * worker's token commits keep the rows (SQLite's data_version, watched before, changed with
 * each of them). A request is thus answered from the rows as they were committed when its
 * snapshot opened, after it arrived. Rows that do not exist are not kept (an unknown client id
 * costs a read).
 */
function rowCache(conn: SQLite.Database, max = 10_000) {
  const changeCount = conn.prepare('select version from row_changes where id = 1').pluck();
  const cache = new Map<string, unknown>();
  let version: unknown;
  return {
    /** In a snapshot: empties the cache if a kept kind of row changed since the last check. */
    check(): void {
      const now = changeCount.get();
      if (now !== version) {
        cache.clear();
        version = now;
      }
    },
    /** In a checked snapshot: the kept row, or `read` and keep it. */
    get<T>(key: string, read: () => T | undefined): T | undefined {
      if (cache.has(key)) return cache.get(key) as T;
      const row = read();
      if (row !== undefined) {
        if (cache.size >= max) cache.clear();
        cache.set(key, row);
      }
      return row;
    },
    forget: () => cache.clear(),
  };
}
