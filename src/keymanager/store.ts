import type {
  AccessTokenRecord,
  Application,
  AuthorizationCode,
  Consent,
  Client,
  ClientKey,
  Environment,
  Issuance,
  RefreshTokenState,
  RegisteredUser,
  Scope,
  SigningKey,
} from './model.js';

/** What the key manager needs from storage: applications and their key pairs. */
export interface ApplicationStore {
  create(app: Application): Promise<void>;
  update(app: Application): Promise<void>;
  findById(id: string): Promise<Application | undefined>;
  findByOwnerAndName(ownerId: string, name: string): Promise<Application | undefined>;
  list(ownerId?: string): Promise<Application[]>;
  remove(id: string): Promise<boolean>;
  createKey(key: ClientKey): Promise<void>;
  findKey(applicationId: string, environment: Environment): Promise<ClientKey | undefined>;
  /** One lookup per token request: the key pair and its application. */
  findClient(consumerKey: string): Promise<Client | undefined>;
  updateSecret(consumerKey: string, secretHash: string, now: number): Promise<void>;
}

export interface ScopeStore {
  upsert(scope: Scope, now: number): Promise<void>;
  findMany(names: readonly string[]): Promise<Scope[]>;
  list(): Promise<Scope[]>;
  remove(name: string): Promise<boolean>;
}

export interface PurgedTokens {
  readonly accessTokens: number;
  readonly refreshTokens: number;
  readonly families: number;
}

export type RotationOutcome = 'rotated' | 'already_consumed';

/**
 * What this process knows of a presented refresh token before reading it (claimRefresh).
 * 'issued': this process issued it and nobody presented it here since; the caller now holds it
 * and must release it once, saying whether its rotation won. It was unconsumed and unrevoked
 * when issued: whether it still is, the rotation's conditional UPDATE says (a lost rotation is
 * then decided on the row as read). 'held': another request of this process holds it now;
 * `rotated` tells how that request ended. 'unknown': read it.
 */
export type RefreshClaim =
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'issued';
      readonly state: RefreshTokenState;
      release(rotated: boolean): void;
    }
  | { readonly kind: 'held'; readonly rotated: Promise<boolean> };

export interface TokenStore {
  /** Commits the tokens and their issuance record in one transaction (R52). */
  saveIssuance(issuance: Issuance): Promise<void>;
  /**
   * Marks `oldTokenHash` consumed and commits the successor in one transaction, only if
   * nobody consumed it first: of two concurrent refreshes exactly one wins (R30).
   */
  rotateRefresh(oldTokenHash: string, now: number, successor: Issuance): Promise<RotationOutcome>;
  findRefresh(tokenHash: string): Promise<RefreshTokenState | undefined>;
  /**
   * A refresh token this process issued, known without a read (PostgreSQL: saves the refresh's
   * round trip before its rotation); 'unknown' where every lookup is cheap (SQLite).
   */
  claimRefresh(tokenHash: string): RefreshClaim;
  findAccessByHash(tokenHash: string): Promise<AccessTokenRecord | undefined>;
  findAccessByJti(jti: string): Promise<AccessTokenRecord | undefined>;
  /** Revokes the family, its refresh tokens and its access tokens (R29, R34). */
  revokeFamily(familyId: string, now: number, reason: string): Promise<void>;
  revokeAccess(jti: string, now: number): Promise<void>;
  /** Revokes every token of a user (R31: password change, disabling, removal). */
  revokeUser(userId: string, now: number): Promise<void>;
  /** Revokes every token issued to a key pair (secret regenerated, application removed). */
  revokeClient(consumerKey: string, now: number): Promise<void>;
  /** Revokes a user's tokens of one key pair (the user withdrew the application's consent). */
  revokeUserClient(userId: string, consumerKey: string, now: number): Promise<void>;
  /**
   * Deletes up to `limit` rows of each kind that expired before `before`: access tokens,
   * refresh tokens, and families whose every token is gone. Counts what it deleted.
   */
  purgeExpired(before: number, limit: number): Promise<PurgedTokens>;
  /** Users who obtained tokens for an application with the given grant (statistics). */
  usersByGrant(applicationId: string, grantType: string): Promise<RegisteredUser[]>;
}

/** The authorization code flow's state: codes (single use) and remembered consents. */
export interface AuthorizationStore {
  saveCode(code: AuthorizationCode): Promise<void>;
  findCode(codeHash: string): Promise<AuthorizationCode | undefined>;
  /**
   * Marks the code used and records what its exchange issued, only if nobody used it first:
   * of two concurrent exchanges exactly one gets true (RFC 6749 §4.1.2 "MUST NOT be used more
   * than once").
   */
  redeemCode(
    codeHash: string,
    now: number,
    issued: { familyId: string | null; accessJti: string },
  ): Promise<boolean>;
  /** Deletes codes that expired before `before` (they can no longer be exchanged). */
  purgeCodes(before: number): Promise<number>;
  findConsent(userId: string, applicationId: string): Promise<Consent | undefined>;
  saveConsent(consent: Consent): Promise<void>;
  listConsents(userId: string): Promise<Consent[]>;
  removeConsent(userId: string, applicationId: string): Promise<boolean>;
}

export interface SigningKeyStore {
  list(): Promise<SigningKey[]>;
  insert(key: SigningKey): Promise<void>;
}
