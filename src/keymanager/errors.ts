// OAuth errors carry their RFC code; src/http/error-renderer.ts turns them into responses.

/** RFC 6749 §5.2, RFC 7009 §2.2.1 and the transient-failure codes Tollgate answers with. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'unsupported_token_type'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'slow_down';

export class OAuthError extends Error {
  override readonly name: string = 'OAuthError';
  readonly headers: Record<string, string> = {};
  constructor(
    readonly error: OAuthErrorCode,
    readonly status: number,
    readonly description: string,
    options?: { cause?: unknown },
  ) {
    super(description, options);
  }
}

export class InvalidRequestError extends OAuthError {
  constructor(description: string, status = 400) {
    super('invalid_request', status, description);
  }
}

/** RFC 6749 §5.2: 401 + WWW-Authenticate matching the scheme when the client used the Authorization header. */
export class InvalidClientError extends OAuthError {
  /** For the audit log only; the client always sees the same answer (R14). */
  readonly reason: 'unknown_client' | 'wrong_secret' | 'no_credentials';
  constructor(
    description = 'Client authentication failed.',
    reason: 'unknown_client' | 'wrong_secret' | 'no_credentials' = 'no_credentials',
  ) {
    super('invalid_client', 401, description);
    this.reason = reason;
    this.headers['www-authenticate'] = 'Basic realm="tollgate", charset="UTF-8"';
  }
}

export class InvalidGrantError extends OAuthError {
  constructor(description: string) {
    super('invalid_grant', 400, description);
  }
}

export class UnauthorizedClientError extends OAuthError {
  constructor(description: string) {
    super('unauthorized_client', 400, description);
  }
}

export class UnsupportedGrantTypeError extends OAuthError {
  constructor(description = 'The grant type is not supported by this server.') {
    super('unsupported_grant_type', 400, description);
  }
}

export class InvalidScopeError extends OAuthError {
  constructor(description: string) {
    super('invalid_scope', 400, description);
  }
}

export class UnsupportedTokenTypeError extends OAuthError {
  constructor(description: string) {
    super('unsupported_token_type', 400, description);
  }
}

/** Overload or an unavailable store: the client may retry after `retryAfter` seconds (R32, R36, R54, R55). */
export class TemporarilyUnavailableError extends OAuthError {
  constructor(
    description = 'The service is temporarily unavailable; retry later.',
    retryAfter = 1,
    options?: { cause?: unknown },
  ) {
    super('temporarily_unavailable', 503, description, options);
    this.headers['retry-after'] = String(retryAfter);
  }
}

/**
 * Shed load (R55): answered 503 at once, and the connection that brought it is not read
 * again for `pauseMs`, so a client that ignores Retry-After and resends at once on the same
 * connection cannot turn the shedding itself into the overload. Other connections are not
 * affected.
 */
export class ShedError extends TemporarilyUnavailableError {
  constructor(
    description: string,
    readonly pauseMs: number,
  ) {
    super(description, Math.max(1, Math.ceil(pauseMs / 1000)));
  }
}

/**
 * Too many failed authentications from one client address (R16, R22): 429 + Retry-After.
 * RFC 6749 defines no code for this; `slow_down` is the registered OAuth error code
 * (RFC 8628 §3.5, IANA "OAuth Extensions Error Registry") that tells a client to wait
 * before retrying, while 503 `temporarily_unavailable` stays reserved for server overload.
 */
export class SlowDownError extends OAuthError {
  constructor(retryAfter: number) {
    super('slow_down', 429, 'Too many failed attempts from this address; retry later.');
    this.headers['retry-after'] = String(retryAfter);
  }
}
