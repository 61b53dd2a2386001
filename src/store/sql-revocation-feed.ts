import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

/** Access tokens revoked before they expired: what every Gateway must refuse although the JWT still verifies. */
export interface RevocationFeed {
  revokedUnexpired(now: number): Promise<{ jti: string; expiresAt: number }[]>;
}

export class SqlRevocationFeed implements RevocationFeed {
  constructor(private readonly db: Kysely<Tables>) {}

  async revokedUnexpired(now: number): Promise<{ jti: string; expiresAt: number }[]> {
    const rows = await this.db
      .selectFrom('access_tokens')
      .select(['jti', 'expires_at'])
      .where('revoked_at', 'is not', null)
      .where('expires_at', '>', now)
      .where('token_hash', 'is', null)
      .orderBy('jti')
      .execute();
    return rows.map((r) => ({ jti: r.jti, expiresAt: Number(r.expires_at) }));
  }
}
