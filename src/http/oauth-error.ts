// The RFC 6749 §5.2 error answer, `{ error, error_description }`: the Token API's errors and the
// answer of the servers' own failures (overload, outage). The Key Manager's grant errors
// extend it (keymanager/errors.ts); the Gateway's Token API pass-through throws it too.

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
  /** The description is written for the client (see ExposedError). */
  readonly expose = true;
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
