import type { GrantType, TokenConfig } from '../config/index.js';
import { accessTokenClaimsEncoder } from './access-token-claims.js';
import type {
  AccessTokenRecord,
  Client,
  Issuance,
  RefreshTokenRecord,
  TokenFamily,
} from './model.js';
import { formatScope } from './scopes.js';
import { newOpaqueToken, newTimeOrderedId, tokenKey } from './secrets.js';
import type { SigningKeys } from './signing-keys.js';

export interface Subject {
  readonly id: string;
  readonly username: string;
}

export interface TokenRequest {
  readonly client: Client;
  readonly grantType: GrantType;
  readonly scope: readonly string[];
  readonly subject?: Subject;
  /** Issue a refresh token in this (existing) family; a new one is started when undefined. */
  readonly family?: TokenFamily;
  readonly withRefreshToken: boolean;
}

/** RFC 6749 §5.1 successful response, as sent on the wire. */
export interface TokenResponse {
  readonly access_token: string;
  readonly refresh_token?: string;
  readonly scope: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
}

/**
 * The response as JSON text: the same bytes as JSON.stringify(response), without JSON's
 * character-by-character escaping of the tokens (for a JWT, most of the text: a sixth of the
 * instructions of writing the answer on the direct path). The tokens are text JSON writes as
 * it is, by construction: a JWT is three base64url parts joined by dots (jwt-signer.ts), an
 * opaque token hex and base64url (newOpaqueToken); token-response.test.ts checks both.
 */
export function tokenResponseJson(r: TokenResponse): string {
  const refresh = r.refresh_token;
  return `{"scope":${JSON.stringify(r.scope)},"token_type":"Bearer","expires_in":${r.expires_in}${
    refresh === undefined ? '' : `,"refresh_token":"${refresh}"`
  },"access_token":"${r.access_token}"}`;
}

export interface MintedTokens {
  readonly issuance: Issuance;
  readonly response: TokenResponse;
}

/** Creates tokens and the records that make them valid; the caller commits them before answering (R52). */
export function createTokenIssuer(deps: { config: TokenConfig; keys: () => SigningKeys }) {
  const { config } = deps;

  const claims = accessTokenClaimsEncoder(config);
  function signJwt(req: TokenRequest, jti: string, iat: number, exp: number): Promise<string> {
    return deps.keys().active.signJson(
      claims({
        clientId: req.client.key.consumerKey,
        scope: formatScope(req.scope),
        user: req.subject,
        iat: Math.floor(iat / 1000),
        exp: Math.floor(exp / 1000),
        jti,
      }),
    );
  }

  return async function mint(req: TokenRequest, now: number): Promise<MintedTokens> {
    const app = req.client.application;
    const lifetime = app.accessTokenLifetime ?? config.accessTokenLifetime;
    const expiresAt = now + lifetime * 1000;
    const jti = newTimeOrderedId(now);
    let accessToken: string;
    let tokenHash: string | null = null;
    if (app.tokenType === 'jwt') {
      accessToken = await signJwt(req, jti, now, expiresAt);
    } else {
      accessToken = newOpaqueToken(now);
      tokenHash = tokenKey(accessToken);
    }

    let refreshToken: string | undefined;
    let refresh: RefreshTokenRecord | undefined;
    let newFamily: TokenFamily | undefined;
    let family = req.family;
    if (req.withRefreshToken) {
      if (!family) {
        newFamily = family = {
          id: newTimeOrderedId(now),
          consumerKey: req.client.key.consumerKey,
          userId: req.subject?.id ?? null,
          createdAt: now,
          expiresAt: now + config.refreshTokenMaxLifetime * 1000,
          revokedAt: null,
        };
      }
      refreshToken = newOpaqueToken(now);
      const refreshLifetime = app.refreshTokenLifetime ?? config.refreshTokenLifetime;
      refresh = {
        tokenHash: tokenKey(refreshToken),
        familyId: family.id,
        consumerKey: req.client.key.consumerKey,
        userId: req.subject?.id ?? null,
        scope: req.scope,
        issuedAt: now,
        expiresAt: Math.min(now + refreshLifetime * 1000, family.expiresAt),
        consumedAt: null,
        revokedAt: null,
      };
    }

    const access: AccessTokenRecord = {
      jti,
      tokenHash,
      consumerKey: req.client.key.consumerKey,
      applicationId: app.id,
      userId: req.subject?.id ?? null,
      scope: req.scope,
      familyId: family?.id ?? null,
      grantType: req.grantType,
      issuedAt: now,
      expiresAt,
      revokedAt: null,
    };
    // Field order as in WSO2's documented response.
    const response: TokenResponse = {
      scope: formatScope(req.scope),
      token_type: 'Bearer',
      expires_in: lifetime,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      access_token: accessToken,
    };
    return {
      issuance: { access, ...(refresh ? { refresh } : {}), ...(newFamily ? { newFamily } : {}) },
      response,
    };
  };
}

export type TokenMinter = ReturnType<typeof createTokenIssuer>;
