import { mkdirSync, chmodSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { migrate } from './migrations.js';
/**
 * Kysely prepares every query anew; the SQL text of our queries is fixed, so reusing the
 * prepared statement saves a parse per query on the token hot path. Bounded in case a
 * query's text varies (IN lists).
 */
function withStatementCache(sqlite, max = 512) {
    const cache = new Map();
    return {
        prepare(sql) {
            let stmt = cache.get(sql);
            if (!stmt) {
                if (cache.size >= max)
                    cache.clear();
                stmt = sqlite.prepare(sql);
                cache.set(sql, stmt);
            }
            return stmt;
        },
        close: () => sqlite.close(),
    };
}
function openSqlite(cfg) {
    mkdirSync(dirname(cfg.path), { recursive: true, mode: 0o700 });
    const fresh = !existsSync(cfg.path);
    const sqlite = new SQLite(cfg.path);
    if (fresh)
        chmodSync(cfg.path, 0o600); // holds signing keys and hashes (R41)
    // WAL: readers never block the writer. synchronous=NORMAL survives a process crash;
    // FULL also survives power loss (R53, documented in docs/security.md).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${cfg.sqliteSynchronous.toUpperCase()}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    return new Kysely({
        dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
}
async function openPostgres(cfg) {
    if (!cfg.url)
        throw new Error('database.url must be set when database.type = "postgres"');
    // Loaded only for PostgreSQL deployments: SQLite users do not pay its start-up time.
    const { default: pg } = await import('pg');
    // int8 (bigint) columns hold millisecond timestamps, well inside Number's exact range.
    pg.types.setTypeParser(20, (v) => Number(v));
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
    return new Kysely({ dialect: new PostgresDialect({ pool }) });
}
/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(cfg) {
    const dialect = cfg.type;
    const db = dialect === 'postgres' ? await openPostgres(cfg) : openSqlite(cfg);
    try {
        await migrate(db, dialect);
    }
    catch (err) {
        await db.destroy();
        throw err;
    }
    return { db, dialect, close: () => db.destroy() };
}
//# sourceMappingURL=database.js.map