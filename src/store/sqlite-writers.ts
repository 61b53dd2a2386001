import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';

/** How long a statement keeps retrying while another process holds the write lock. */
const BUSY_LIMIT_MS = 5000;

export const isBusy = (err: unknown) =>
  typeof (err as { code?: unknown }).code === 'string' &&
  (err as { code: string }).code.startsWith('SQLITE_BUSY');

const pause = (ms: number) =>
  new Promise<void>((resolve) => (ms === 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));

/**
 * Runs `attempt` again while SQLite answers SQLITE_BUSY (another process, e.g. a second worker
 * of `tollgate start` or a CLI command, holds the write lock), yielding to the event loop
 * between tries. SQLite's own busy_timeout would sleep inside the call and block every
 * request of this process meanwhile.
 */
export async function retryBusy<T>(
  attempt: () => Promise<T>,
  inTransaction: () => boolean,
): Promise<T> {
  const started = Date.now();
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      // Inside a transaction a busy statement would mean the transaction is not ours to redo.
      if (!isBusy(err) || inTransaction() || Date.now() - started > BUSY_LIMIT_MS) throw err;
      await pause(tries < 3 ? 0 : Math.min(2 ** (tries - 3), 8));
    }
  }
}

class RetryingConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly inTransaction: () => boolean,
  ) {}
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return retryBusy(() => this.inner.executeQuery<R>(query), this.inTransaction);
  }
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * SQLite with several writing processes: a transaction takes the write lock when it begins
 * (BEGIN IMMEDIATE), so one that reads and then writes never fails half-way because another
 * process wrote in between (SQLITE_BUSY_SNAPSHOT); a busy lock is waited for without blocking
 * the event loop (busy_timeout stays 0).
 */
class SeveralWritersDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly sqlite: SQLite.Database,
  ) {}
  private readonly inTransaction = () => this.sqlite.inTransaction;
  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new RetryingConnection(await this.inner.acquireConnection(), this.inTransaction);
  }
  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings) {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }
  savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.inner.savepoint!(connection, name, compile);
  }
  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    return this.inner.rollbackToSavepoint!(connection, name, compile);
  }
  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.inner.releaseSavepoint!(connection, name, compile);
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as RetryingConnection).inner);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Kysely's SQLite dialect for a database file other processes write too. */
export class SeveralWritersSqliteDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: SQLite.Database,
  ) {
    super(config);
  }
  override createDriver(): Driver {
    return new SeveralWritersDriver(super.createDriver(), this.sqlite);
  }
}
