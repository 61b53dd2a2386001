import type { GrantType, TokenType } from '../config/index.js';

export type Environment = 'production' | 'sandbox';
export const ENVIRONMENTS: readonly Environment[] = ['production', 'sandbox'];

export interface Application {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly description: string;
  readonly tokenType: TokenType;
  readonly grantTypes: readonly GrantType[];
  /** Seconds; null = the server default. */
  readonly accessTokenLifetime: number | null;
  readonly refreshTokenLifetime: number | null;
  /** Application throttling policy ([apim.throttling] application_policies); the Gateway enforces it per end user. */
  readonly throttlingPolicy: string;
  /**
   * Callback URLs (WSO2's "Callback URL"): the redirect URIs the authorization code flow may
   * send the browser back to, each compared as an exact string (redirect-uris.ts).
   */
  readonly callbackUrls: readonly string[];
  /**
   * A public client (RFC 6749 §2.1: a browser or native app that cannot keep a secret): it may
   * also authenticate with its client_id alone, for the authorization code grant (with PKCE)
   * and the refresh of its tokens, and to revoke them.
   */
  readonly publicClient: boolean;
  /** Set by an admin: the application's own users are not asked for consent. */
  readonly firstParty: boolean;
  readonly createdAt: number;
}

export interface ClientKey {
  readonly consumerKey: string;
  readonly applicationId: string;
  readonly environment: Environment;
  readonly secretHash: string;
  readonly createdAt: number;
}

/** An authenticated client: the key pair it used and the application it belongs to. */
export interface Client {
  readonly key: ClientKey;
  readonly application: Application;
}

export interface Scope {
  readonly name: string;
  readonly description: string;
  /** Users with any of these roles may be granted the scope; empty = anyone. */
  readonly roles: readonly string[];
}

export interface AccessTokenRecord {
  readonly jti: string;
  /** SHA-256 of an opaque token; null for a JWT (looked up by jti). */
  readonly tokenHash: string | null;
  readonly consumerKey: string;
  readonly applicationId: string;
  readonly userId: string | null;
  readonly scope: readonly string[];
  readonly familyId: string | null;
  readonly grantType: GrantType;
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly revokedAt: number | null;
}

export interface RefreshTokenRecord {
  readonly tokenHash: string;
  readonly familyId: string;
  readonly consumerKey: string;
  readonly userId: string | null;
  readonly scope: readonly string[];
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly consumedAt: number | null;
  readonly revokedAt: number | null;
}

/** All refresh tokens descending from one password grant, and their access tokens. */
export interface TokenFamily {
  readonly id: string;
  readonly consumerKey: string;
  readonly userId: string | null;
  readonly createdAt: number;
  /** Absolute end: rotation never extends a refresh token past it (R31). */
  readonly expiresAt: number;
  readonly revokedAt: number | null;
}

export interface RefreshTokenState extends RefreshTokenRecord {
  readonly family: TokenFamily;
}

export interface Issuance {
  readonly access: AccessTokenRecord;
  readonly refresh?: RefreshTokenRecord;
  /** Present when this issuance starts a new family. */
  readonly newFamily?: TokenFamily;
}

/** RFC 6749 §4.1.2: a code, stored only as its hash, bound to client, redirect URI and challenge. */
export interface AuthorizationCode {
  readonly codeHash: string;
  readonly consumerKey: string;
  readonly userId: string;
  readonly redirectUri: string;
  readonly scope: readonly string[];
  /** RFC 7636 §4.2 S256 code_challenge. */
  readonly codeChallenge: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** When it was exchanged; a second exchange is refused and revokes what the first one got. */
  readonly usedAt: number | null;
  /** What its exchange issued, revoked if the code is presented again (RFC 6749 §4.1.2). */
  readonly familyId: string | null;
  readonly accessJti: string | null;
}

/** A user's consent to an application's scopes, remembered until the user revokes it. */
export interface Consent {
  readonly userId: string;
  readonly applicationId: string;
  readonly scope: readonly string[];
  readonly grantedAt: number;
}

export interface RegisteredUser {
  readonly userId: string;
  readonly tokenCount: number;
  readonly firstIssuedAt: number;
  readonly lastIssuedAt: number;
}

export interface SigningKey {
  readonly kid: string;
  readonly alg: string;
  readonly privateJwk: string;
  readonly publicJwk: string;
  readonly createdAt: number;
  readonly retiredAt: number | null;
}
