import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.js';

/** Access tokens revoked before they expired: what every Gateway must refuse although the JWT still verifies. */
export interface RevocationFeed {
  revokedUnexpired(now: number): Promise<{ jti: string; expiresAt: number }[]>;
}

export class SqlRevocationFeed implements RevocationFeed {
  constructor(private readonly db: Kysely<Tables>) {}

  /**
   * Read by every Gateway config sync (each second), so it must stay cheap however many
   * tokens there are: it walks the access_tokens_revoked index (the few revoked rows) only.
   * SQLite, without statistics, would rather take `token_hash IS NULL` as an equality on the
   * unique token_hash index (every JWT: tens of thousands of rows, 5-10 ms every second on
   * the event loop), or the expires_at index, or the primary key for the ORDER BY; so the
   * revoked condition is the one range it can use (`>= 0`: times are never negative), the
   * expiry is an expression (`+ 0`), and the JWT test and the order are applied here.
   */
  async revokedUnexpired(now: number): Promise<{ jti: string; expiresAt: number }[]> {
    const rows = await this.db
      .selectFrom('access_tokens')
      .select(['jti', 'expires_at', sql<boolean | number>`token_hash is null`.as('jwt')])
      .where('revoked_at', '>=', 0)
      .where(sql<number>`expires_at + 0`, '>', now)
      .execute();
    return rows
      .filter((r) => Boolean(r.jwt))
      .map((r) => ({ jti: r.jti, expiresAt: Number(r.expires_at) }))
      .sort((a, b) => (a.jti < b.jti ? -1 : a.jti > b.jti ? 1 : 0));
  }
}
