import type { FastifyRequest } from 'fastify';
import type { AuditEvent } from '../audit/index.js';
import { ApiError } from '../http/api-error.js';
import { basicPrincipal } from '../http/basic-principal.js';
import { principalOf, type Principal, type PrincipalResolver } from '../http/principal.js';
import { HashingOverloadedError, normalizeUsername, type UserService } from '../identity/index.js';
import type { LoginThrottle } from '../keymanager/index.js';

/** Where a password was typed, for the audit log's detail. */
export type SignInSurface = 'web ui' | 'management api' | 'authorization page';

export interface PasswordSignInDeps {
  readonly users: UserService;
  /** The Token API's per-address and spraying throttle (R16, R22): the same counters. */
  readonly throttle?: LoginThrottle;
  readonly audit: (event: AuditEvent) => void;
  readonly now: () => number;
}

/** Checks a username and password; undefined for any wrong credential (one answer, R19). */
export type PasswordSignIn = (
  ip: string,
  username: string,
  password: string,
  surface: SignInSurface,
) => Promise<Principal | undefined>;

/**
 * A user's password checked outside the Token API (web sign-in, HTTP Basic on the management
 * REST APIs) exactly as the password grant checks it: an address over the per-address or
 * spraying limit gets 429 before any lookup or hash, and every failure counts towards both
 * limits, in the same counters (Redis when configured); the same account lock (R22), the same
 * bounded hashing pool whose overload is a 503 (R55), the same audit trail. Otherwise a
 * guesser refused on /token would simply move to /api/session or Basic.
 */
export function createPasswordSignIn(deps: PasswordSignInDeps): PasswordSignIn {
  const audit = (type: string, reason: string, ip: string, fields: Partial<AuditEvent> = {}) =>
    deps.audit({
      at: deps.now(),
      type,
      reason,
      username: null,
      consumerKey: null,
      ip,
      detail: null,
      ...fields,
    });

  return async (ip, username, password, surface) => {
    const verdict = await deps.throttle?.check(ip);
    if (verdict) {
      audit('request.throttled', verdict.reason, ip, {
        detail: `retry_after=${verdict.retryAfterS}; ${surface}`,
      });
      const retry = String(verdict.retryAfterS);
      throw new ApiError(
        429,
        'Too Many Requests',
        `Too many failed sign-ins from this address; retry in ${retry} seconds.`,
        { headers: { 'retry-after': retry } },
      );
    }
    let result;
    try {
      result = await deps.users.authenticate(username, password);
    } catch (err) {
      // R55: the error answers for itself (503 + Retry-After).
      if (err instanceof HashingOverloadedError)
        audit('request.shed', 'hash_queue_full', ip, { detail: surface });
      throw err;
    }
    if (result.ok) return principalOf(result.user);
    // A username is recorded only for an account that exists (R51).
    const account = result.user?.username ?? null;
    audit('login.failed', result.reason, ip, { username: account, detail: surface });
    if (account && result.lockedUntil !== undefined)
      audit('account.locked', 'too_many_failures', ip, {
        username: account,
        detail: `until ${new Date(result.lockedUntil).toISOString()}`,
      });
    await deps.throttle?.loginFailed(ip, normalizeUsername(username));
    return undefined;
  };
}

/** HTTP Basic (RFC 7617) for the management REST APIs, checked by the shared password sign-in. */
export function basicSignInResolver(signIn: PasswordSignIn): PrincipalResolver {
  return (req: FastifyRequest) =>
    basicPrincipal((username, password) => signIn(req.ip, username, password, 'management api'))(
      req,
    );
}
