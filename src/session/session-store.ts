/** A web UI sign-in, as stored: the id itself is never stored, only its SHA-256. */
export interface SessionRecord {
  readonly idHash: string;
  readonly userId: string;
  /** Synchronizer token the page echoes in X-CSRF-Token on every unsafe request. */
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  /** Absolute end, whatever the activity. */
  readonly expiresAt: number;
}

/** What web sessions need from storage (the `sessions` table). */
export interface SessionStore {
  create(session: SessionRecord): Promise<void>;
  find(idHash: string): Promise<SessionRecord | undefined>;
  touch(idHash: string, lastSeenAt: number): Promise<void>;
  remove(idHash: string): Promise<void>;
  /** Signs a user out everywhere (password change, disabling, removal). */
  removeUser(userId: string): Promise<void>;
  /** Deletes sessions past their absolute end or idle since before `idleBefore`. */
  purge(now: number, idleBefore: number): Promise<number>;
}
