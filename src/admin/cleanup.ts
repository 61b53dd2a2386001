import type { AuditStore } from '../audit/index.js';
import type { CleanupConfig } from '../config/index.js';
import type { AuthorizationStore, PurgedTokens, TokenStore } from '../keymanager/store.js';

const BATCH = 5000;
const DAY_MS = 86_400_000;

export interface CleanupResult extends PurgedTokens {
  readonly authorizationCodes: number;
  readonly auditEvents: number;
}

/**
 * Deletes what nobody can use any more: tokens (and refresh families) and authorization codes
 * expired for longer than `retainExpiredSeconds` (when `enabled`; a used code is kept that long
 * so a replay still revokes what it issued), and audit events older than `auditRetentionDays`
 * (0 keeps them).
 * Works in batches (5000 rows, or `batch`) so no write holds the database for long; every node
 * may run it, the deletes being idempotent. Statistics (token_issuance) are not touched.
 */
export async function runCleanup(deps: {
  tokens: TokenStore;
  authorizations: Pick<AuthorizationStore, 'purgeCodes'>;
  audit: AuditStore;
  config: CleanupConfig;
  now: number;
  /** Rows per delete statement (default 5000). */
  batch?: number;
  /** Awaited between two batches: a server lets the requests that arrived meanwhile run. */
  between?: () => Promise<void>;
}): Promise<CleanupResult> {
  const batch = deps.batch ?? BATCH;
  const before = deps.now - deps.config.retainExpiredSeconds * 1000;
  let access = 0,
    refresh = 0,
    families = 0,
    codes = 0,
    audit = 0;
  while (deps.config.enabled) {
    const r = await deps.tokens.purgeExpired(before, batch);
    access += r.accessTokens;
    refresh += r.refreshTokens;
    families += r.families;
    if (r.accessTokens < batch && r.refreshTokens < batch && r.families < batch) break;
    await deps.between?.();
  }
  if (deps.config.enabled) codes = await deps.authorizations.purgeCodes(before);
  if (deps.config.auditRetentionDays > 0) {
    const cutoff = deps.now - deps.config.auditRetentionDays * DAY_MS;
    for (;;) {
      const n = await deps.audit.purgeBefore(cutoff, batch);
      audit += n;
      if (n < batch) break;
      await deps.between?.();
    }
  }
  return {
    accessTokens: access,
    refreshTokens: refresh,
    families,
    authorizationCodes: codes,
    auditEvents: audit,
  };
}
