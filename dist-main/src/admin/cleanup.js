const BATCH = 5000;
const DAY_MS = 86_400_000;
/**
 * Deletes what nobody can use any more: tokens (and refresh families) expired for longer than
 * `retainExpiredSeconds` (when `enabled`), and audit events older than `auditRetentionDays`
 * (0 keeps them).
 * Works in batches of 5000 rows so no write holds the database for long; every node may run
 * it, the deletes being idempotent. Statistics (token_issuance) are not touched.
 */
export async function runCleanup(deps) {
    const before = deps.now - deps.config.retainExpiredSeconds * 1000;
    let access = 0, refresh = 0, families = 0, audit = 0;
    while (deps.config.enabled) {
        const r = await deps.tokens.purgeExpired(before, BATCH);
        access += r.accessTokens;
        refresh += r.refreshTokens;
        families += r.families;
        if (r.accessTokens < BATCH && r.refreshTokens < BATCH && r.families < BATCH)
            break;
    }
    if (deps.config.auditRetentionDays > 0) {
        const cutoff = deps.now - deps.config.auditRetentionDays * DAY_MS;
        for (;;) {
            const n = await deps.audit.purgeBefore(cutoff, BATCH);
            audit += n;
            if (n < BATCH)
                break;
        }
    }
    return { accessTokens: access, refreshTokens: refresh, families, auditEvents: audit };
}
//# sourceMappingURL=cleanup.js.map