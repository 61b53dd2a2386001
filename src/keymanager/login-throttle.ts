import { createHash } from 'node:crypto';
import type { ProtectionConfig } from '../config/index.js';
import type { HitCounter } from '../ratelimit/index.js';
import { SlowDownError } from './errors.js';
import type { EventSink, ThrottleReason } from './events.js';

export interface ThrottleVerdict {
  readonly reason: ThrottleReason;
  readonly retryAfterS: number;
}

// Keys never hold what a client typed: a username is often a mistyped password (R51).
const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/**
 * Per-client-address throttles of the Token API (R16, R22): failed client or user
 * authentications per address, and distinct accounts failed per address (password spraying:
 * one password tried over many usernames). Counters live in a HitCounter, so several nodes
 * share them through Redis. If the counter store fails, the throttle lets requests through
 * (the per-account lock in the database still holds) and reports the error.
 */
export function createLoginThrottle(
  counter: HitCounter,
  cfg: ProtectionConfig,
  onError: (err: unknown) => void,
) {
  const ipKey = (ip: string) => `tf:ip:${ip}`;
  const sprayKey = (ip: string) => `tf:spray:${ip}`;
  const pairKey = (ip: string, username: string) => `tf:pair:${digest(`${ip}\n${username}`)}`;
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

  async function guarded<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (err) {
      onError(err);
      return fallback;
    }
  }

  return {
    /** Whether the address is over a limit; asked before a password is hashed (no hash for a throttled address). */
    check(ip: string): Promise<ThrottleVerdict | undefined> {
      return guarded(async () => {
        const [failures, accounts] = await Promise.all([
          counter.peek(ipKey(ip), cfg.ipWindowMs),
          counter.peek(sprayKey(ip), cfg.sprayWindowMs),
        ]);
        if (failures.count >= cfg.ipMaxFailures)
          return { reason: 'ip_failures', retryAfterS: seconds(failures.resetInMs) } as const;
        if (accounts.count >= cfg.sprayMaxAccounts)
          return { reason: 'password_spraying', retryAfterS: seconds(accounts.resetInMs) } as const;
        return undefined;
      }, undefined);
    },

    /** A failed client authentication. */
    clientFailed(ip: string): Promise<void> {
      return guarded(async () => void (await counter.hit(ipKey(ip), cfg.ipWindowMs)), undefined);
    },

    /** A failed sign-in; the first failure on an account from this address counts towards spraying. */
    loginFailed(ip: string, username: string): Promise<void> {
      return guarded(async () => {
        const [, pair] = await Promise.all([
          counter.hit(ipKey(ip), cfg.ipWindowMs),
          counter.hit(pairKey(ip, username), cfg.sprayWindowMs),
        ]);
        if (pair.count === 1) await counter.hit(sprayKey(ip), cfg.sprayWindowMs);
      }, undefined);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/**
 * Refuses a password guess from an address over a limit: 429 slow_down + Retry-After (RFC 8628
 * §3.5), recorded as request.throttled. Called where a password or a client secret is about to
 * be checked and would fail, never for a client that proved its secret: one NAT address may
 * carry an attacker and every honest service behind it.
 */
export async function refuseThrottledAddress(
  throttle: LoginThrottle | undefined,
  events: EventSink,
  ip: string,
): Promise<void> {
  const verdict = await throttle?.check(ip);
  if (!verdict) return;
  events({
    type: 'request.throttled',
    reason: verdict.reason,
    retryAfterS: verdict.retryAfterS,
    ip,
  });
  throw new SlowDownError(verdict.retryAfterS);
}
