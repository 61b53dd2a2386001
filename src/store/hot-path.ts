import type { Selectable } from 'kysely';
import type { Issuance } from '../keymanager/model.js';
import type { RotationOutcome } from '../keymanager/store.js';
import type { IssuedRefreshTokens } from './issued-refresh-tokens.js';
import type {
  AccessTokensTable,
  ApplicationsTable,
  ClientKeysTable,
  RefreshTokensTable,
  UsersTable,
} from './tables.js';

/**
 * The statements of a token request (client, user, token lookups and the issuance writes),
 * prepared once per connection in the driver's own terms instead of compiled by kysely on
 * every request: kysely keeps the rest of the store. One implementation per database.
 */
export interface HotReads {
  client(consumerKey: string): Promise<ClientRow | undefined>;
  user(id: string): Promise<Selectable<UsersTable> | undefined>;
  accessByHash(tokenHash: string): Promise<Selectable<AccessTokensTable> | undefined>;
  accessByJti(jti: string): Promise<Selectable<AccessTokensTable> | undefined>;
  refresh(tokenHash: string): Promise<RefreshRow | undefined>;
  /** Drops kept client and user rows: this process changed one through the other stores. */
  forget(): void;
}

/** The issuance writes, committed in groups (write-batcher.ts). */
export interface TokenWrites {
  issue(issuance: Issuance): Promise<void>;
  rotate(oldTokenHash: string, now: number, successor: Issuance): Promise<RotationOutcome>;
}

export interface HotPath {
  readonly reads: HotReads;
  readonly writes: TokenWrites;
  /**
   * This process's other connection (kysely) is about to run a statement: a read snapshot kept
   * open on the hot connection ends, so the hot reads after it see what that statement changes.
   */
  beforeOtherStatement(): void;
  /** Where reads cost a round trip (PostgreSQL): the refresh tokens this process issued. */
  readonly issuedRefresh?: IssuedRefreshTokens;
  close(): void | Promise<void>;
}

export type ClientRow = Selectable<ClientKeysTable> &
  Omit<Selectable<ApplicationsTable>, 'id' | 'created_at'> & { app_created_at: number };

export type RefreshRow = Selectable<RefreshTokensTable> & {
  f_consumer_key: string;
  f_user_id: string | null;
  f_created_at: number;
  f_expires_at: number;
  f_revoked_at: number | null;
};

/** A write of the group commit: an issuance, or a refresh rotation and its successor. */
export type TokenWrite =
  | { readonly kind: 'issue'; readonly issuance: Issuance }
  | {
      readonly kind: 'rotate';
      readonly oldTokenHash: string;
      readonly now: number;
      readonly issuance: Issuance;
    };

/** The write's result: rotations say whether they won; issuances have nothing to say. */
export type TokenWriteResult = RotationOutcome | undefined;

// Column lists of the hot statements, the same on both databases.
export const CLIENT_COLUMNS =
  'k.consumer_key, k.application_id, k.environment, k.secret_hash, k.created_at, ' +
  'k.secret_updated_at, a.name, a.owner_id, a.description, a.token_type, a.grant_types, ' +
  'a.access_token_lifetime, a.refresh_token_lifetime, a.throttling_policy, ' +
  'a.callback_urls, a.public_client, a.first_party, a.created_at as app_created_at';

export const REFRESH_COLUMNS =
  'r.*, f.consumer_key as f_consumer_key, f.user_id as f_user_id, ' +
  'f.created_at as f_created_at, f.expires_at as f_expires_at, f.revoked_at as f_revoked_at';

/** Rows of one issuance, in the column order of the INSERT statements. */
export function familyValues(i: Issuance): unknown[] | undefined {
  const f = i.newFamily;
  return f && [f.id, f.consumerKey, f.userId, f.createdAt, f.expiresAt, f.revokedAt];
}

export function accessValues({ access: a }: Issuance): unknown[] {
  return [
    a.jti,
    a.tokenHash,
    a.consumerKey,
    a.applicationId,
    a.userId,
    JSON.stringify(a.scope),
    a.familyId,
    a.grantType,
    a.issuedAt,
    a.expiresAt,
    a.revokedAt,
  ];
}

export function refreshValues({ refresh: r }: Issuance): unknown[] | undefined {
  return (
    r && [
      r.tokenHash,
      r.familyId,
      r.consumerKey,
      r.userId,
      JSON.stringify(r.scope),
      r.issuedAt,
      r.expiresAt,
      r.consumedAt,
      r.revokedAt,
    ]
  );
}

export const FAMILY_INSERT_COLUMNS =
  'id, consumer_key, user_id, created_at, expires_at, revoked_at';
export const ACCESS_INSERT_COLUMNS =
  'jti, token_hash, consumer_key, application_id, user_id, scope, family_id, grant_type, ' +
  'issued_at, expires_at, revoked_at';
export const REFRESH_INSERT_COLUMNS =
  'token_hash, family_id, consumer_key, user_id, scope, issued_at, expires_at, consumed_at, ' +
  'revoked_at';
