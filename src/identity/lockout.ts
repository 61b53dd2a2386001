import type { LockoutConfig } from '../config/index.js';

/** The per-account failure state, shared by every node through the database (R22). */
export interface LockoutState {
  /** Consecutive wrong passwords since the last lock, success or unlock. */
  readonly failures: number;
  /** Locks so far; each one lasts longer (escalation). */
  readonly lockCount: number;
  /** Epoch ms; null or past = not locked. */
  readonly lockedUntil: number | null;
}

/** What the lockout needs from storage. Every write is atomic across nodes. */
export interface LockoutStore {
  get(userId: string): Promise<LockoutState | undefined>;
  /** One more failure; the count starts again from 1 when the previous failure is older than `forgetBefore`. */
  addFailure(userId: string, now: number, forgetBefore: number): Promise<LockoutState>;
  /** Locks until `until` if the account still has `threshold` failures; false when another node locked it first. */
  lock(userId: string, threshold: number, until: number): Promise<boolean>;
  /** Forgets failures and locks (a successful sign-in, an admin unlock). False when there was nothing to forget. */
  reset(userId: string): Promise<boolean>;
  /** Accounts locked at `now`, for admins. */
  listLocked(now: number): Promise<Array<{ userId: string; lockedUntil: number }>>;
}

/** Failures older than this are forgotten: "consecutive" means within a day, not over months. */
const FAILURE_MEMORY_MS = 24 * 3_600_000;

/** RFC 6749 §4.3.2 "MUST protect the endpoint against brute force attacks": lock n lasts lock·factor^(n-1), capped (R22, R23). */
export function lockDuration(previousLocks: number, cfg: LockoutConfig): number {
  return Math.min(cfg.lockMs * cfg.incrementFactor ** previousLocks, cfg.maxLockMs);
}

export const isLocked = (state: LockoutState | undefined, now: number): boolean =>
  state?.lockedUntil != null && state.lockedUntil > now;

/**
 * An escalating temporary lock after consecutive wrong passwords: never permanent, reset by a
 * successful sign-in and by an admin (R23).
 */
export function createLockout(store: LockoutStore, cfg: LockoutConfig) {
  return {
    enabled: cfg.enabled,
    state: (userId: string): Promise<LockoutState | undefined> =>
      cfg.enabled ? store.get(userId) : Promise.resolve(undefined),

    /** Counts a wrong password; returns the lock's end when this failure locked the account. */
    async recordFailure(userId: string, now: number): Promise<number | undefined> {
      if (!cfg.enabled) return undefined;
      const state = await store.addFailure(userId, now, now - FAILURE_MEMORY_MS);
      if (state.failures < cfg.maxFailedAttempts) return undefined;
      const until = now + lockDuration(state.lockCount, cfg);
      return (await store.lock(userId, cfg.maxFailedAttempts, until)) ? until : undefined;
    },

    /** A successful sign-in forgets earlier failures (only written when there is something to forget). */
    async recordSuccess(userId: string, state: LockoutState | undefined): Promise<void> {
      if (state && (state.failures > 0 || state.lockCount > 0)) await store.reset(userId);
    },

    unlock: (userId: string) => store.reset(userId),
    listLocked: (now: number) => store.listLocked(now),
  };
}

export type Lockout = ReturnType<typeof createLockout>;
