/** One refusal or security decision, as admins see it (CLI, REST, later the admin UI). */
export interface AuditEvent {
  readonly at: number;
  /** e.g. client.auth_failed, login.failed, account.locked, account.unlocked, request.throttled, request.shed. */
  readonly type: string;
  /** A reason code: unknown_client, wrong_secret, unknown_user, wrong_password, locked, disabled, ... */
  readonly reason: string;
  /** Only for accounts that exist: a typed username may be a mistyped password (R51). */
  readonly username: string | null;
  /** Only for clients that exist. */
  readonly consumerKey: string | null;
  readonly ip: string | null;
  readonly detail: string | null;
}

export interface StoredAuditEvent extends AuditEvent {
  readonly id: number;
}

export interface AuditQuery {
  readonly type?: string;
  /** Epoch ms; events at or after it. */
  readonly since?: number;
  readonly limit: number;
}

/** What the audit log needs from storage. */
export interface AuditStore {
  append(events: readonly AuditEvent[]): Promise<void>;
  /** Newest first. */
  list(query: AuditQuery): Promise<StoredAuditEvent[]>;
  /** Deletes up to `limit` events older than `before` (retention); counts them. */
  purgeBefore(before: number, limit: number): Promise<number>;
}

export const AUDIT_TYPES = [
  'client.auth_failed',
  'login.failed',
  'account.locked',
  'account.unlocked',
  'request.throttled',
  'request.shed',
  'refresh.reuse_detected',
  'users.imported',
] as const;
