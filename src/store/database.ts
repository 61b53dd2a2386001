import { mkdirSync, chmodSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DatabaseConfig } from '../config/index.js';
import { migrate, type Dialect } from './migrations.js';
import type { Tables } from './tables.js';

export interface Database {
  readonly db: Kysely<Tables>;
  readonly dialect: Dialect;
  close(): Promise<void>;
}

// int8 (bigint) columns hold millisecond timestamps, well inside Number's exact range.
pg.types.setTypeParser(20, (v) => Number(v));

function openSqlite(cfg: DatabaseConfig): Kysely<Tables> {
  mkdirSync(dirname(cfg.path), { recursive: true, mode: 0o700 });
  const fresh = !existsSync(cfg.path);
  const sqlite = new SQLite(cfg.path);
  if (fresh) chmodSync(cfg.path, 0o600); // holds signing keys and hashes (R41)
  // WAL: readers never block the writer. synchronous=NORMAL survives a process crash;
  // FULL also survives power loss (R53, documented in docs/operations.md).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${cfg.sqliteSynchronous.toUpperCase()}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
}

function openPostgres(cfg: DatabaseConfig): Kysely<Tables> {
  if (!cfg.url) throw new Error('database.url must be set when database.type = "postgres"');
  const pool = new pg.Pool({
    connectionString: cfg.url,
    max: cfg.poolSize,
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
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(cfg: DatabaseConfig): Promise<Database> {
  const dialect: Dialect = cfg.type;
  const db = dialect === 'postgres' ? openPostgres(cfg) : openSqlite(cfg);
  try {
    await migrate(db as Kysely<unknown>, dialect);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, dialect, close: () => db.destroy() };
}
