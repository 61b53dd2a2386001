/** Failures older than this are forgotten: "consecutive" means within a day, not over months. */
const FAILURE_MEMORY_MS = 24 * 3_600_000;
/** RFC 6749 §4.3.2 "MUST protect the endpoint against brute force attacks": lock n lasts lock·factor^(n-1), capped (R22, R23). */
export function lockDuration(previousLocks, cfg) {
    return Math.min(cfg.lockMs * cfg.incrementFactor ** previousLocks, cfg.maxLockMs);
}
export const isLocked = (state, now) => state?.lockedUntil != null && state.lockedUntil > now;
/**
 * An escalating temporary lock after consecutive wrong passwords: never permanent, reset by a
 * successful sign-in and by an admin (R23).
 */
export function createLockout(store, cfg) {
    return {
        enabled: cfg.enabled,
        state: (userId) => cfg.enabled ? store.get(userId) : Promise.resolve(undefined),
        /** Counts a wrong password; returns the lock's end when this failure locked the account. */
        async recordFailure(userId, now) {
            if (!cfg.enabled)
                return undefined;
            const state = await store.addFailure(userId, now, now - FAILURE_MEMORY_MS);
            if (state.failures < cfg.maxFailedAttempts)
                return undefined;
            const until = now + lockDuration(state.lockCount, cfg);
            return (await store.lock(userId, cfg.maxFailedAttempts, until)) ? until : undefined;
        },
        /** A successful sign-in forgets earlier failures (only written when there is something to forget). */
        async recordSuccess(userId, state) {
            if (state && (state.failures > 0 || state.lockCount > 0))
                await store.reset(userId);
        },
        unlock: (userId) => store.reset(userId),
        listLocked: (now) => store.listLocked(now),
    };
}
//# sourceMappingURL=lockout.js.map