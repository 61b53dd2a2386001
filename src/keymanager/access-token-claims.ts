import type { TokenConfig } from '../config/index.js';

/** What varies from one JWT access token to the next. */
export interface AccessTokenClaims {
  readonly clientId: string;
  readonly scope: string;
  /** The end user, absent for a client's own token (client_credentials). */
  readonly user?: { readonly id: string; readonly username: string };
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
}

/**
 * The JWT access token's claims as JSON (RFC 9068 §2.2: iss exp aud sub client_id iat jti,
 * plus scope and WSO2's username), in the order WSO2 writes them. The same text as
 * JSON.stringify of the object gives, but iss and aud are encoded once, not per token.
 */
export function accessTokenClaimsEncoder(
  config: Pick<TokenConfig, 'issuer' | 'audience'>,
): (c: AccessTokenClaims) => string {
  const issAud = `,"iss":${JSON.stringify(config.issuer)},"aud":${JSON.stringify(config.audience)}`;
  const str = JSON.stringify;
  return (c) =>
    `{"client_id":${str(c.clientId)},"scope":${str(c.scope)}${
      c.user ? `,"username":${str(c.user.username)}` : ''
    }${issAud},"sub":${
      // A user's id is a UUID; a client's sub is its consumer key: they cannot collide (R40).
      str(c.user ? c.user.id : c.clientId)
    },"iat":${c.iat},"exp":${c.exp},"jti":${str(c.jti)}}`;
}
