import type { Kysely, Selectable } from 'kysely';
import type { AuthorizationCode, Consent } from '../keymanager/model.js';
import type { AuthorizationStore } from '../keymanager/store.js';
import type { AuthorizationCodesTable, ConsentsTable, Tables } from './tables.js';

const toCode = (r: Selectable<AuthorizationCodesTable>): AuthorizationCode => ({
  codeHash: r.code_hash,
  consumerKey: r.consumer_key,
  userId: r.user_id,
  redirectUri: r.redirect_uri,
  scope: JSON.parse(r.scope) as string[],
  codeChallenge: r.code_challenge,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  familyId: r.family_id,
  accessJti: r.access_jti,
});

const toConsent = (r: Selectable<ConsentsTable>): Consent => ({
  userId: r.user_id,
  applicationId: r.application_id,
  scope: JSON.parse(r.scope) as string[],
  grantedAt: r.granted_at,
});

export class SqlAuthorizationStore implements AuthorizationStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async saveCode(c: AuthorizationCode): Promise<void> {
    await this.db
      .insertInto('authorization_codes')
      .values({
        code_hash: c.codeHash,
        consumer_key: c.consumerKey,
        user_id: c.userId,
        redirect_uri: c.redirectUri,
        scope: JSON.stringify(c.scope),
        code_challenge: c.codeChallenge,
        created_at: c.createdAt,
        expires_at: c.expiresAt,
        used_at: c.usedAt,
        family_id: c.familyId,
        access_jti: c.accessJti,
      })
      .execute();
  }

  async findCode(codeHash: string): Promise<AuthorizationCode | undefined> {
    const r = await this.db
      .selectFrom('authorization_codes')
      .selectAll()
      .where('code_hash', '=', codeHash)
      .executeTakeFirst();
    return r && toCode(r);
  }

  async redeemCode(
    codeHash: string,
    now: number,
    issued: { familyId: string | null; accessJti: string },
  ): Promise<boolean> {
    // The conditional UPDATE is the arbiter between concurrent exchanges (as rotateRefresh).
    const r = await this.db
      .updateTable('authorization_codes')
      .set({ used_at: now, family_id: issued.familyId, access_jti: issued.accessJti })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  async purgeCodes(before: number): Promise<number> {
    const r = await this.db
      .deleteFrom('authorization_codes')
      .where('expires_at', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async findConsent(userId: string, applicationId: string): Promise<Consent | undefined> {
    const r = await this.db
      .selectFrom('consents')
      .selectAll()
      .where('user_id', '=', userId)
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    return r && toConsent(r);
  }

  async saveConsent(c: Consent): Promise<void> {
    const row = { scope: JSON.stringify(c.scope), granted_at: c.grantedAt };
    await this.db
      .insertInto('consents')
      .values({ user_id: c.userId, application_id: c.applicationId, ...row })
      .onConflict((oc) => oc.columns(['user_id', 'application_id']).doUpdateSet(row))
      .execute();
  }

  async listConsents(userId: string): Promise<Consent[]> {
    const rows = await this.db
      .selectFrom('consents')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('granted_at', 'desc')
      .orderBy('application_id')
      .execute();
    return rows.map(toConsent);
  }

  async removeConsent(userId: string, applicationId: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('consents')
      .where('user_id', '=', userId)
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  }
}
