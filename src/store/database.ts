import { mkdirSync, chmodSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import type pg from 'pg';
import { Kysely } from 'kysely';
import { CurrentSchemaPostgresDialect } from './postgres-introspector.js';
import type { DatabaseConfig } from '../config/index.js';
import type { HotPath } from './hot-path.js';
import { migrate, type Dialect } from './migrations.js';
import { postgresHotPath } from './postgres-hot-path.js';
import { postgresRowCache } from './postgres-row-cache.js';
import { sqliteHotPath } from './sqlite-hot-path.js';
import { EVENT_LOOP_AUTOCHECKPOINT_PAGES, startSqliteCheckpointer } from './sqlite-checkpointer.js';
import { SeveralWritersSqliteDialect } from './sqlite-writers.js';
import type { Tables } from './tables.js';

export interface Database {
  readonly db: Kysely<Tables>;
  readonly dialect: Dialect;
  /** The token request's statements, prepared once (hot-path.ts). */
  readonly hot: HotPath;
  close(): Promise<void>;
}

/**
 * Kysely prepares every query anew; the SQL text of our queries is fixed, so reusing the
 * prepared statement saves a parse per query on the token hot path. Bounded in case a
 * query's text varies (IN lists).
 */
function withStatementCache(sqlite: SQLite.Database, beforeStatement: () => void, max = 512) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string): SQLite.Statement {
      beforeStatement();
      let stmt = cache.get(sql);
      if (!stmt) {
        if (cache.size >= max) cache.clear();
        stmt = sqlite.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    close: () => sqlite.close(),
  };
}

function connectSqlite(cfg: DatabaseConfig): SQLite.Database {
  const sqlite = new SQLite(cfg.path);
  // WAL: readers never block the writer. synchronous=NORMAL survives a process crash;
  // FULL also survives power loss (R53, documented in docs/security.md).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${cfg.sqliteSynchronous.toUpperCase()}`);
  sqlite.pragma('foreign_keys = ON');
  // Other processes (workers of `tollgate start`, the CLI) write too: waited for without
  // blocking the event loop, see sqlite-writers.ts.
  sqlite.pragma('busy_timeout = 0');
  // Checkpoints run in a worker thread (sqlite-checkpointer.ts); this connection does it
  // itself only if the WAL grows far beyond SQLite's default 1000 pages.
  sqlite.pragma(`wal_autocheckpoint = ${EVENT_LOOP_AUTOCHECKPOINT_PAGES}`);
  return sqlite;
}

function openSqlite(cfg: DatabaseConfig, beforeStatement: () => void): Kysely<Tables> {
  mkdirSync(dirname(cfg.path), { recursive: true, mode: 0o700 });
  const fresh = !existsSync(cfg.path);
  const sqlite = connectSqlite(cfg);
  if (fresh) chmodSync(cfg.path, 0o600); // holds signing keys and hashes (R41)
  return new Kysely<Tables>({
    dialect: new SeveralWritersSqliteDialect(
      { database: withStatementCache(sqlite, beforeStatement) },
      sqlite,
    ),
  });
}

interface Postgres {
  readonly db: Kysely<Tables>;
  /** The token path's connections (hot-path.ts), planned for key lookups only. */
  readonly hotPool: pg.Pool;
  /** Its size: the token path's share of pool_size (poolSizes). */
  readonly hotPoolSize: number;
  /** A connection outside the pools (the row cache's listener). */
  readonly newClient: () => pg.Client;
}

/**
 * The token path's statements look rows up by primary or unique key, and their plans are
 * prepared once per connection and kept (named statements): a plan made while a table was
 * nearly empty (a new database, the first minute after a deployment) scanned refresh_tokens
 * whole on every refresh until autovacuum's ANALYZE invalidated it, and the table grows with
 * every rotation. On the hot path's own connections table scans, hash and merge joins are
 * priced out, so each of its statements is an index probe per key whatever the statistics
 * say. And each runs that one generic plan (plan_cache_mode): by default PostgreSQL plans a
 * statement afresh at every execution while the plan it makes for the values given is
 * estimated cheaper than the generic one, which it always was for the `= any($1)` lookups (a
 * one-key array against the generic estimate of ten): planning was 40-60 % of the backend's
 * CPU for an access-token lookup (143 -> 83 us) and a refresh-token lookup (217 -> 87 us).
 * The other statements (kysely: admin, reports, cleanup) keep PostgreSQL's defaults.
 */
const HOT_PATH_SETTINGS =
  '-c enable_seqscan=off -c enable_hashjoin=off -c enable_mergejoin=off ' +
  '-c plan_cache_mode=force_generic_plan';

/**
 * `url` whose connections start with `settings` (the startup packet's options, added to any the
 * URL has: no statement, no round trip); undefined when it is no URL to add them to.
 */
function withStartupOptions(url: string, settings: string): string | undefined {
  try {
    const u = new URL(url);
    u.searchParams.set(
      'options',
      [u.searchParams.get('options'), settings].filter(Boolean).join(' '),
    );
    return u.toString();
  } catch {
    return undefined;
  }
}

/** How the token path's connections are made: `url` with HOT_PATH_SETTINGS at start-up. */
export function hotPathConnection(url: string): { connectionString: string; options?: string } {
  const withOptions = withStartupOptions(url, HOT_PATH_SETTINGS);
  return withOptions
    ? { connectionString: withOptions }
    : { connectionString: url, options: HOT_PATH_SETTINGS };
}

/** `pool_size` split between the token path and the rest (at least two connections each). */
export function poolSizes(poolSize: number): { hot: number; other: number } {
  const other = Math.max(2, Math.floor(poolSize / 3));
  return { hot: Math.max(2, poolSize - other), other };
}

async function openPostgres(cfg: DatabaseConfig): Promise<Postgres> {
  if (!cfg.url) throw new Error('database.url must be set when database.type = "postgres"');
  // Loaded only for PostgreSQL deployments: SQLite users do not pay its start-up time.
  const { default: pgModule } = await import('pg');
  // int8 (bigint) columns hold millisecond timestamps, well inside Number's exact range.
  pgModule.types.setTypeParser(20, (v: string) => Number(v));
  const newPool = (max: number, connection: { connectionString: string; options?: string }) => {
    const pool = new pgModule.Pool({
      ...connection,
      max,
      // Fail fast when PostgreSQL is down instead of queueing forever (R54).
      connectionTimeoutMillis: cfg.acquireTimeoutMs,
      idleTimeoutMillis: 30_000,
      statement_timeout: 10_000,
      // A connection that stopped answering (network partition, frozen server) fails the query
      // within this time instead of hanging the request; the pool then drops it (R54).
      query_timeout: cfg.queryTimeoutMs,
    });
    pool.on('error', () => {
      /* an idle client lost its connection; the pool replaces it on next use */
    });
    // A checked-out client whose connection dies emits 'error' with no pool listener attached:
    // unhandled, it would crash the process on a database outage. Its query fails on its own.
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
    });
    return pool;
  };
  const sizes = poolSizes(cfg.poolSize);
  return {
    db: new Kysely<Tables>({
      dialect: new CurrentSchemaPostgresDialect({
        pool: newPool(sizes.other, { connectionString: cfg.url }),
      }),
    }),
    hotPool: newPool(sizes.hot, hotPathConnection(cfg.url)),
    hotPoolSize: sizes.hot,
    newClient: () =>
      new pgModule.Client({
        connectionString: cfg.url,
        connectionTimeoutMillis: cfg.acquireTimeoutMs,
        keepAlive: true,
      }),
  };
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(cfg: DatabaseConfig): Promise<Database> {
  const dialect: Dialect = cfg.type;
  const pg = dialect === 'postgres' ? await openPostgres(cfg) : undefined;
  // Every kysely statement first ends the hot connection's read snapshot (hot-path.ts).
  let hot: HotPath | undefined;
  const db = pg ? pg.db : openSqlite(cfg, () => hot?.beforeOtherStatement());
  try {
    await migrate(db as Kysely<unknown>, dialect);
    hot = pg
      ? postgresHotPath(
          pg.hotPool,
          pg.hotPoolSize,
          postgresRowCache(pg.newClient, cfg.rowCacheTtlMs),
        )
      : sqliteHotPath(connectSqlite(cfg));
  } catch (err) {
    await db.destroy();
    await pg?.hotPool.end();
    throw err;
  }
  const checkpointer =
    pg || cfg.path === ':memory:' || cfg.path === ''
      ? undefined
      : startSqliteCheckpointer(cfg.path);
  return {
    db,
    dialect,
    hot,
    close: async () => {
      await checkpointer?.close();
      await hot.close();
      await db.destroy();
    },
  };
}
