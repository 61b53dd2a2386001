import type { Command } from 'commander';
import { runCleanup } from '../../admin/cleanup.js';
import { printJson, withServices } from '../context.js';

export function cleanupCommand(program: Command): void {
  program
    .command('cleanup')
    .description(
      'delete expired tokens and authorization codes now (kept [oauth.token_cleanup] retain_expired_seconds after expiry) and audit events older than [audit] retention_days; a running server also does this every interval_seconds',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const r = await withServices(cmd, (s) =>
        runCleanup({
          tokens: s.stores.tokens,
          authorizations: s.stores.authorizations,
          audit: s.stores.audit,
          config: { ...s.config.cleanup, enabled: true },
          now: Date.now(),
        }),
      );
      if (opts.json) printJson(r);
      else
        process.stdout.write(
          `Deleted ${r.accessTokens} access token(s), ${r.refreshTokens} refresh token(s), ${r.families} refresh token famil${r.families === 1 ? 'y' : 'ies'}, ${r.authorizationCodes} authorization code(s) and ${r.auditEvents} audit event(s).\n`,
        );
    });
}
