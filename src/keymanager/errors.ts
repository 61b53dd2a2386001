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
  | 'temporarily_unavailable';

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
  constructor(description = 'Client authentication failed.') {
    super('invalid_client', 401, description);
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
  constructor(description = 'The service is temporarily unavailable; retry later.', retryAfter = 1, options?: { cause?: unknown }) {
    super('temporarily_unavailable', 503, description, options);
    this.headers['retry-after'] = String(retryAfter);
  }
}
