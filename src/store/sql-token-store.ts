import type { Kysely, Selectable } from 'kysely';
import type { GrantType } from '../config/index.js';
import type {
  AccessTokenRecord,
  Issuance,
  RefreshTokenState,
  RegisteredUser,
} from '../keymanager/model.js';
import type {
  PurgedTokens,
  RefreshClaim,
  RotationOutcome,
  TokenStore,
} from '../keymanager/store.js';
import type { AccessTokensTable, Tables } from './tables.js';
import type { HotPath } from './hot-path.js';

function toAccess(r: Selectable<AccessTokensTable>): AccessTokenRecord {
  return {
    jti: r.jti,
    tokenHash: r.token_hash,
    consumerKey: r.consumer_key,
    applicationId: r.application_id,
    userId: r.user_id,
    scope: JSON.parse(r.scope) as string[],
    familyId: r.family_id,
    grantType: r.grant_type as GrantType,
    issuedAt: r.issued_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  };
}

type FamilyColumn = 'id' | 'user_id' | 'consumer_key';
type TokenColumn = 'family_id' | 'user_id' | 'consumer_key';

export class SqlTokenStore implements TokenStore {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly hot: Pick<HotPath, 'reads' | 'writes' | 'issuedRefresh'>,
  ) {}

  async saveIssuance(issuance: Issuance): Promise<void> {
    await this.hot.writes.issue(issuance);
    if (issuance.refresh) this.hot.issuedRefresh?.remember(issuance.refresh, issuance.newFamily);
  }

  /**
   * The conditional UPDATE is the arbiter: PostgreSQL re-checks the WHERE after a concurrent
   * writer commits, and SQLite runs one write transaction at a time.
   */
  async rotateRefresh(
    oldTokenHash: string,
    now: number,
    successor: Issuance,
  ): Promise<RotationOutcome> {
    const issued = this.hot.issuedRefresh;
    issued?.forget(oldTokenHash);
    const outcome = await this.hot.writes.rotate(oldTokenHash, now, successor);
    if (outcome === 'rotated' && successor.refresh)
      issued?.remember(successor.refresh, successor.newFamily);
    return outcome;
  }

  claimRefresh(tokenHash: string): RefreshClaim {
    return this.hot.issuedRefresh?.claim(tokenHash) ?? { kind: 'unknown' };
  }

  async findRefresh(tokenHash: string): Promise<RefreshTokenState | undefined> {
    const r = await this.hot.reads.refresh(tokenHash);
    if (!r) return undefined;
    const state: RefreshTokenState = {
      tokenHash: r.token_hash,
      familyId: r.family_id,
      consumerKey: r.consumer_key,
      userId: r.user_id,
      scope: JSON.parse(r.scope) as string[],
      issuedAt: r.issued_at,
      expiresAt: r.expires_at,
      consumedAt: r.consumed_at,
      revokedAt: r.revoked_at,
      family: {
        id: r.family_id,
        consumerKey: r.f_consumer_key,
        userId: r.f_user_id,
        createdAt: r.f_created_at,
        expiresAt: r.f_expires_at,
        revokedAt: r.f_revoked_at,
      },
    };
    // Its successor is then known without a read too (a family never changes but for revocation).
    this.hot.issuedRefresh?.rememberFamily(state.family);
    return state;
  }

  async findAccessByHash(tokenHash: string): Promise<AccessTokenRecord | undefined> {
    const r = await this.hot.reads.accessByHash(tokenHash);
    return r && toAccess(r);
  }

  async findAccessByJti(jti: string): Promise<AccessTokenRecord | undefined> {
    const r = await this.hot.reads.accessByJti(jti);
    return r && toAccess(r);
  }

  revokeFamily(familyId: string, now: number, reason: string): Promise<void> {
    return this.revokeWhere('id', 'family_id', familyId, now, reason);
  }

  async revokeAccess(jti: string, now: number): Promise<void> {
    await this.db
      .updateTable('access_tokens')
      .set({ revoked_at: now })
      .where('jti', '=', jti)
      .where('revoked_at', 'is', null)
      .execute();
  }

  revokeUser(userId: string, now: number): Promise<void> {
    return this.revokeWhere('user_id', 'user_id', userId, now, 'user_revoked');
  }

  revokeClient(consumerKey: string, now: number): Promise<void> {
    return this.revokeWhere('consumer_key', 'consumer_key', consumerKey, now, 'client_revoked');
  }

  async revokeUserClient(userId: string, consumerKey: string, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('token_families')
        .set({ revoked_at: now, revoke_reason: 'consent_revoked' })
        .where('user_id', '=', userId)
        .where('consumer_key', '=', consumerKey)
        .where('revoked_at', 'is', null)
        .execute();
      for (const table of ['refresh_tokens', 'access_tokens'] as const) {
        await trx
          .updateTable(table)
          .set({ revoked_at: now })
          .where('user_id', '=', userId)
          .where('consumer_key', '=', consumerKey)
          .where('revoked_at', 'is', null)
          .execute();
      }
    });
  }

  /** Revokes the matching families, refresh tokens and access tokens together; earlier revocations keep their time. */
  private async revokeWhere(
    familyColumn: FamilyColumn,
    tokenColumn: TokenColumn,
    value: string,
    now: number,
    reason: string,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('token_families')
        .set({ revoked_at: now, revoke_reason: reason })
        .where(familyColumn, '=', value)
        .where('revoked_at', 'is', null)
        .execute();
      await trx
        .updateTable('refresh_tokens')
        .set({ revoked_at: now })
        .where(tokenColumn, '=', value)
        .where('revoked_at', 'is', null)
        .execute();
      await trx
        .updateTable('access_tokens')
        .set({ revoked_at: now })
        .where(tokenColumn, '=', value)
        .where('revoked_at', 'is', null)
        .execute();
    });
  }

  async purgeExpired(before: number, limit: number): Promise<PurgedTokens> {
    // Bounded batches (a sub-select with LIMIT works on both databases) keep each write short.
    const access = await this.db
      .deleteFrom('access_tokens')
      .where(
        'jti',
        'in',
        this.db
          .selectFrom('access_tokens')
          .select('jti')
          .where('expires_at', '<', before)
          .limit(limit),
      )
      .executeTakeFirst();
    const refresh = await this.db
      .deleteFrom('refresh_tokens')
      .where(
        'token_hash',
        'in',
        this.db
          .selectFrom('refresh_tokens')
          .select('token_hash')
          .where('expires_at', '<', before)
          .limit(limit),
      )
      .executeTakeFirst();
    // A family goes once it expired and nothing refers to it (an access token may outlive it).
    const families = await this.db
      .deleteFrom('token_families')
      .where(
        'id',
        'in',
        this.db
          .selectFrom('token_families as f')
          .select('f.id')
          .where('f.expires_at', '<', before)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('refresh_tokens as r')
                  .select('r.token_hash')
                  .whereRef('r.family_id', '=', 'f.id'),
              ),
            ),
          )
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('access_tokens as a')
                  .select('a.jti')
                  .whereRef('a.family_id', '=', 'f.id'),
              ),
            ),
          )
          .limit(limit),
      )
      .executeTakeFirst();
    return {
      accessTokens: Number(access.numDeletedRows),
      refreshTokens: Number(refresh.numDeletedRows),
      families: Number(families.numDeletedRows),
    };
  }

  async usersByGrant(applicationId: string, grantType: string): Promise<RegisteredUser[]> {
    const rows = await this.db
      .selectFrom('token_issuance')
      .select((eb) => [
        'user_id',
        eb.fn.countAll().as('token_count'),
        eb.fn.min('issued_at').as('first_issued_at'),
        eb.fn.max('issued_at').as('last_issued_at'),
      ])
      .where('application_id', '=', applicationId)
      .where('grant_type', '=', grantType)
      .where('user_id', 'is not', null)
      .groupBy('user_id')
      .orderBy('last_issued_at', 'desc')
      .orderBy('user_id')
      .execute();
    return rows.map((r) => ({
      userId: r.user_id as string,
      tokenCount: Number(r.token_count),
      firstIssuedAt: Number(r.first_issued_at),
      lastIssuedAt: Number(r.last_issued_at),
    }));
  }
}
