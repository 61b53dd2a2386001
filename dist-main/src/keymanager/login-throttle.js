import { createHash } from 'node:crypto';
import { SlowDownError } from './errors.js';
// Keys never hold what a client typed: a username is often a mistyped password (R51).
const digest = (text) => createHash('sha256').update(text).digest('base64url').slice(0, 22);
/**
 * Per-client-address throttles of the Token API (R16, R22): failed client or user
 * authentications per address, and distinct accounts failed per address (password spraying:
 * one password tried over many usernames). Counters live in a HitCounter, so several nodes
 * share them through Redis. If the counter store fails, the throttle lets requests through
 * (the per-account lock in the database still holds) and reports the error.
 */
export function createLoginThrottle(counter, cfg, onError) {
    const ipKey = (ip) => `tf:ip:${ip}`;
    const sprayKey = (ip) => `tf:spray:${ip}`;
    const pairKey = (ip, username) => `tf:pair:${digest(`${ip}\n${username}`)}`;
    const seconds = (ms) => Math.max(1, Math.ceil(ms / 1000));
    async function guarded(work, fallback) {
        try {
            return await work();
        }
        catch (err) {
            onError(err);
            return fallback;
        }
    }
    return {
        /** Whether the address is over a limit; asked before a password is hashed (no hash for a throttled address). */
        check(ip) {
            return guarded(async () => {
                const [failures, accounts] = await Promise.all([
                    counter.peek(ipKey(ip), cfg.ipWindowMs),
                    counter.peek(sprayKey(ip), cfg.sprayWindowMs),
                ]);
                if (failures.count >= cfg.ipMaxFailures)
                    return { reason: 'ip_failures', retryAfterS: seconds(failures.resetInMs) };
                if (accounts.count >= cfg.sprayMaxAccounts)
                    return { reason: 'password_spraying', retryAfterS: seconds(accounts.resetInMs) };
                return undefined;
            }, undefined);
        },
        /** A failed client authentication. */
        clientFailed(ip) {
            return guarded(async () => void (await counter.hit(ipKey(ip), cfg.ipWindowMs)), undefined);
        },
        /** A failed sign-in; the first failure on an account from this address counts towards spraying. */
        loginFailed(ip, username) {
            return guarded(async () => {
                const [, pair] = await Promise.all([
                    counter.hit(ipKey(ip), cfg.ipWindowMs),
                    counter.hit(pairKey(ip, username), cfg.sprayWindowMs),
                ]);
                if (pair.count === 1)
                    await counter.hit(sprayKey(ip), cfg.sprayWindowMs);
            }, undefined);
        },
    };
}
/**
 * Refuses a password guess from an address over a limit: 429 slow_down + Retry-After (RFC 8628
 * §3.5), recorded as request.throttled. Called where a password or a client secret is about to
 * be checked and would fail, never for a client that proved its secret: one NAT address may
 * carry an attacker and every honest service behind it.
 */
export async function refuseThrottledAddress(throttle, events, ip) {
    const verdict = await throttle?.check(ip);
    if (!verdict)
        return;
    events({
        type: 'request.throttled',
        reason: verdict.reason,
        retryAfterS: verdict.retryAfterS,
        ip,
    });
    throw new SlowDownError(verdict.retryAfterS);
}
//# sourceMappingURL=login-throttle.js.map