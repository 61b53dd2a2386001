import type { Selectable } from 'kysely';
import { ACCESS_INSERT_COLUMNS, REFRESH_INSERT_COLUMNS, type RefreshRow } from './hot-path.js';
import type { AccessTokensTable } from './tables.js';

/**
 * The token rows of SQLite's hot reads, read as arrays (better-sqlite3's raw mode) and made
 * into objects here: an object row costs a lookup of each column's name in V8's string table
 * per row, three quarters of a microsecond of a token lookup's 2.6 (interleaved loop on this
 * machine). The column lists are explicit, so the positions below are the SELECT's own.
 */
export const ACCESS_SELECT = `select ${ACCESS_INSERT_COLUMNS} from access_tokens`;

export const REFRESH_SELECT =
  `select ${REFRESH_INSERT_COLUMNS.split(', ')
    .map((c) => `r.${c}`)
    .join(', ')}, f.consumer_key, f.user_id, f.created_at, f.expires_at, f.revoked_at ` +
  'from refresh_tokens r join token_families f on f.id = r.family_id';

type Raw = readonly unknown[];

export function accessRow(r: Raw): Selectable<AccessTokensTable> {
  return {
    jti: r[0] as string,
    token_hash: r[1] as string | null,
    consumer_key: r[2] as string,
    application_id: r[3] as string,
    user_id: r[4] as string | null,
    scope: r[5] as string,
    family_id: r[6] as string | null,
    grant_type: r[7] as string,
    issued_at: r[8] as number,
    expires_at: r[9] as number,
    revoked_at: r[10] as number | null,
  };
}

export function refreshRow(r: Raw): RefreshRow {
  return {
    token_hash: r[0] as string,
    family_id: r[1] as string,
    consumer_key: r[2] as string,
    user_id: r[3] as string | null,
    scope: r[4] as string,
    issued_at: r[5] as number,
    expires_at: r[6] as number,
    consumed_at: r[7] as number | null,
    revoked_at: r[8] as number | null,
    f_consumer_key: r[9] as string,
    f_user_id: r[10] as string | null,
    f_created_at: r[11] as number,
    f_expires_at: r[12] as number,
    f_revoked_at: r[13] as number | null,
  };
}
