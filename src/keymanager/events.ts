import type { GrantType } from '../config/index.js';

/** Why a request was refused before or instead of a credential check (R16, R22, R55). */
export type ThrottleReason = 'ip_failures' | 'password_spraying';

/**
 * Every decision of the key manager, for statistics, reports and the audit log. Usernames
 * appear only for accounts that exist, client ids only for clients that exist: text an
 * attacker typed (often a password in the wrong field) is never recorded (R51).
 */
export type KeyManagerEvent =
  | {
      readonly type: 'token.issued';
      readonly applicationId: string;
      readonly consumerKey: string;
      readonly userId: string | null;
      readonly grantType: GrantType;
      readonly scope: readonly string[];
    }
  | {
      readonly type: 'client.auth_failed';
      readonly reason: 'unknown_client' | 'wrong_secret' | 'no_credentials';
      readonly consumerKey: string | null;
      readonly ip: string;
    }
  | {
      readonly type: 'grant.failed';
      readonly grantType: GrantType;
      readonly reason: string;
      readonly consumerKey: string;
      readonly ip: string;
      readonly username?: string;
    }
  | {
      readonly type: 'account.locked';
      readonly username: string;
      readonly until: number;
      readonly consumerKey: string;
      readonly ip: string;
    }
  | {
      readonly type: 'request.throttled';
      readonly reason: ThrottleReason;
      readonly retryAfterS: number;
      readonly ip: string;
    }
  | {
      readonly type: 'request.shed';
      readonly reason: 'hash_queue_full';
      readonly consumerKey: string;
      readonly ip: string;
    }
  | {
      readonly type: 'refresh.reuse_detected';
      readonly familyId: string;
      readonly consumerKey: string;
      readonly ip: string;
    }
  | {
      /** A code presented again: what its first exchange issued is revoked (RFC 6749 §4.1.2). */
      readonly type: 'authorization_code.reuse_detected';
      readonly consumerKey: string;
      readonly ip: string;
    }
  | {
      readonly type: 'token.revoked';
      readonly kind: 'access' | 'refresh';
      readonly consumerKey: string;
    };

export type EventSink = (event: KeyManagerEvent) => void;
