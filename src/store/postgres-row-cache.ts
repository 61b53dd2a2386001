import type pg from 'pg';

/** The channel migration 0013's triggers notify when a users, applications or client_keys row changes. */
export const ROW_CHANGES_CHANNEL = 'tollgate_row_changes';

const RECONNECT_MS = 1000;

export interface RowCache {
  /** The row under `key`, kept or read with `read` (rows that do not exist are not kept). */
  get<T>(key: string, read: () => Promise<T | undefined>): Promise<T | undefined>;
  /** Drops every kept row. */
  forget(): void;
  close(): Promise<void>;
}

/**
 * Client and user rows on PostgreSQL, read once and kept while no node changes them: a
 * connection of its own LISTENs to the notifications migration 0013's triggers send when a
 * users, applications or client_keys row changes, whoever changes it (another node, the CLI,
 * SQL by hand); a notification arrives when the change commits and empties the cache. Rows
 * are kept only while that connection is listening (it connects at the first read and again a
 * second after it drops; while it is down every read goes to the database), and never longer
 * than `ttlMs`: the bound on staleness if a notification were lost without the connection
 * noticing (a silent network). A read that was in flight when a notification arrived is not
 * kept. `ttlMs` 0 keeps nothing.
 */
export function postgresRowCache(
  newClient: () => pg.Client,
  ttlMs: number,
  max = 10_000,
): RowCache {
  const rows = new Map<string, { readonly row: unknown; readonly at: number }>();
  let generation = 0;
  let listening = false;
  let listener: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const forget = () => {
    generation++;
    rows.clear();
  };

  function down(client: pg.Client): void {
    if (listener !== client) return;
    listening = false;
    listener = undefined;
    forget();
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    if (!closed) retry = setTimeout(listen, RECONNECT_MS).unref();
  }

  function listen(): void {
    retry = undefined;
    if (closed || listener) return;
    const client = newClient();
    listener = client;
    client.on('notification', forget);
    client.on('error', () => down(client));
    client.on('end', () => down(client));
    client
      .connect()
      .then(() => client.query(`LISTEN ${ROW_CHANGES_CHANNEL}`))
      .then(() => {
        if (listener !== client) return;
        // Rows read before LISTEN took effect may predate a change it did not hear of.
        forget();
        listening = true;
      })
      .catch(() => down(client));
  }

  return {
    async get<T>(key: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
      if (ttlMs === 0) return read();
      if (!listening) {
        if (!listener && !retry && !closed) listen();
        return read();
      }
      const started = Date.now();
      const kept = rows.get(key);
      if (kept && started - kept.at < ttlMs) return kept.row as T;
      const seen = generation;
      const row = await read();
      if (row !== undefined && listening && generation === seen) {
        if (rows.size >= max) rows.clear();
        rows.set(key, { row, at: started });
      }
      return row;
    },
    forget,
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = listener;
      listening = false;
      listener = undefined;
      forget();
      await client?.end().catch(() => undefined);
    },
  };
}
