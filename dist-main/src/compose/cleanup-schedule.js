import { runCleanup } from '../admin/cleanup.js';
/**
 * Runs the cleanup (expired tokens, old audit events) every `intervalSeconds`, the first time
 * at most a minute after start; never two runs at once. A failure (database down) is logged
 * and the next run tries again. Returns the function that stops it and waits for a running pass.
 */
export function scheduleCleanup(deps) {
    if (!deps.config.enabled && deps.config.auditRetentionDays === 0)
        return async () => undefined;
    let running;
    let stopped = false;
    const pass = async () => {
        try {
            const r = await runCleanup({
                tokens: deps.services.stores.tokens,
                audit: deps.services.stores.audit,
                config: deps.config,
                now: deps.now(),
            });
            if (r.accessTokens + r.refreshTokens + r.families + r.auditEvents > 0)
                deps.log.info(r, 'cleanup: expired tokens and old audit events deleted');
        }
        catch (err) {
            deps.log.warn({ err: err.message }, 'cleanup failed; will try again at the next interval');
        }
    };
    const tick = () => {
        if (stopped || running)
            return;
        running = pass().finally(() => {
            running = undefined;
        });
    };
    const first = setTimeout(tick, Math.min(deps.config.intervalSeconds, 60) * 1000);
    const every = setInterval(tick, deps.config.intervalSeconds * 1000);
    first.unref();
    every.unref();
    return async () => {
        stopped = true;
        clearTimeout(first);
        clearInterval(every);
        await running;
    };
}
//# sourceMappingURL=cleanup-schedule.js.map