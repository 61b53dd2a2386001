// What the primary of `tollgate start --workers N` and its workers say to each other over the
// cluster's IPC channel. Every message carries `tg` so other IPC traffic is left alone.

import type { HashLoad } from '../identity/hash-pool.js';
import type { HashTask } from '../identity/hash-worker.js';

/** Work a worker asks of the primary: hashing in its one pool, the shared hit counters. */
export type Call =
  | { readonly method: 'hash'; readonly task: HashTask }
  | { readonly method: 'hit' | 'peek'; readonly key: string; readonly windowMs: number }
  /** A peek that also asks to be told every change of the key's count until its window ends. */
  | { readonly method: 'watch'; readonly key: string; readonly windowMs: number }
  | { readonly method: 'reset'; readonly key: string };

/**
 * The answer to 'watch': the count, the end of its window (ms since the epoch), whether changes
 * will be told, and the primary's number of changes told so far (a told change with a higher
 * `version` is newer than this answer).
 */
export interface Watched {
  readonly count: number;
  readonly windowEnd: number;
  readonly watched: boolean;
  readonly version: number;
}

export type NumberedCall = { readonly id: number } & Call;

export interface Reply {
  readonly id: number;
  readonly value?: unknown;
  /** 'overloaded': the hashing pool is full (503); 'gone': cancelled; otherwise an error's message. */
  readonly error?: string;
}

// Calls and replies travel in batches: each message is a pipe write and a wakeup of the
// other process, so the calls of one event-loop turn (a password grant's two throttle peeks,
// the grants read in the same turn) share one.
export type ToPrimary =
  | { readonly tg: 'calls'; readonly calls: readonly NumberedCall[] }
  /** Hash calls whose client has gone: dropped if they still wait for their turn. */
  | { readonly tg: 'cancel'; readonly ids: readonly number[] }
  | { readonly tg: 'ready'; readonly urls: Record<string, string> };

export type ToWorker =
  | { readonly tg: 'replies'; readonly replies: readonly Reply[] }
  | { readonly tg: 'hash-load'; readonly load: HashLoad; readonly saturated: boolean }
  /** A watched key's new count in the window ending at `windowEnd`; `windowEnd` 0: the key was reset. */
  | {
      readonly tg: 'count';
      readonly key: string;
      readonly windowEnd: number;
      readonly count: number;
      readonly version: number;
    }
  | { readonly tg: 'stop' };

export const OVERLOADED = 'overloaded';
/** The reply's error for a hash call cancelled before its turn (ClientGoneError). */
export const GONE = 'gone';

export function isMessage<T extends { tg: string }>(m: unknown): m is T {
  return typeof m === 'object' && m !== null && typeof (m as { tg?: unknown }).tg === 'string';
}
