import type { KeyManagerEvent } from '../keymanager/index.js';
import type { AuditEvent } from './audit-event.js';

const row = (
  at: number,
  type: string,
  reason: string,
  fields: Partial<AuditEvent>,
): AuditEvent => ({
  at,
  type,
  reason,
  username: null,
  consumerKey: null,
  ip: null,
  detail: null,
  ...fields,
});

/** The key manager events that are refusals become audit events; issuance and revocation are counted in metrics only. */
export function auditEventOf(event: KeyManagerEvent, at: number): AuditEvent | undefined {
  switch (event.type) {
    case 'client.auth_failed':
      return row(at, event.type, event.reason, { consumerKey: event.consumerKey, ip: event.ip });
    case 'grant.failed':
      return row(
        at,
        event.grantType === 'password' ? 'login.failed' : 'grant.failed',
        event.reason,
        {
          username: event.username ?? null,
          consumerKey: event.consumerKey,
          ip: event.ip,
          detail: `grant_type=${event.grantType}`,
        },
      );
    case 'account.locked':
      return row(at, event.type, 'too_many_failures', {
        username: event.username,
        consumerKey: event.consumerKey,
        ip: event.ip,
        detail: `until ${new Date(event.until).toISOString()}`,
      });
    case 'request.throttled':
      return row(at, event.type, event.reason, {
        ip: event.ip,
        detail: `retry_after=${event.retryAfterS}`,
      });
    case 'request.shed':
      return row(at, event.type, event.reason, { consumerKey: event.consumerKey, ip: event.ip });
    case 'refresh.reuse_detected':
      return row(at, event.type, 'refresh_token_replay', {
        consumerKey: event.consumerKey,
        ip: event.ip,
        detail: `family=${event.familyId}`,
      });
    case 'authorization_code.reuse_detected':
      return row(at, event.type, 'authorization_code_replay', {
        consumerKey: event.consumerKey,
        ip: event.ip,
      });
    case 'token.issued':
    case 'token.revoked':
      return undefined;
  }
}

/** An admin action (CLI or REST) for the same log. */
export const adminAuditEvent = (
  at: number,
  type: 'account.unlocked' | 'users.imported' | 'application.first_party',
  username: string | null,
  by: string,
  what?: string,
): AuditEvent =>
  row(at, type, 'admin', {
    username,
    detail: what === undefined ? `by ${by}` : `${what} by ${by}`,
  });

/** Users imported (CLI or REST): how many, from which file if any, by whom. */
export const usersImportedEvent = (
  at: number,
  count: number,
  by: string,
  file?: string,
): AuditEvent =>
  adminAuditEvent(
    at,
    'users.imported',
    null,
    by,
    `${count} user${count === 1 ? '' : 's'}${file === undefined ? '' : ` from ${file}`}`,
  );
