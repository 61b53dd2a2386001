import type { GrantType } from '../config/index.js';

/** Every decision of the key manager, for statistics, reports and the audit log. */
export type KeyManagerEvent =
  | { readonly type: 'token.issued'; readonly applicationId: string; readonly consumerKey: string; readonly userId: string | null; readonly grantType: GrantType; readonly scope: readonly string[] }
  | { readonly type: 'client.auth_failed'; readonly consumerKey: string; readonly ip: string }
  | { readonly type: 'grant.failed'; readonly grantType: GrantType; readonly reason: string; readonly consumerKey: string; readonly ip: string }
  | { readonly type: 'refresh.reuse_detected'; readonly familyId: string; readonly consumerKey: string; readonly ip: string }
  | { readonly type: 'token.revoked'; readonly kind: 'access' | 'refresh'; readonly consumerKey: string };

export type EventSink = (event: KeyManagerEvent) => void;
