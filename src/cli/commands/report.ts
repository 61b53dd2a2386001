import type { Command } from 'commander';
import { passwordGrantReport, reportDays } from '../../admin/index.js';
import { CliError, printJson, printTable, withServices } from '../context.js';

export function reportCommands(program: Command): void {
  const report = program
    .command('report')
    .description('reports for planning: who still uses the password grant');

  report
    .command('password-grant')
    .description(
      'applications and users that obtained tokens with the password grant, and applications that allow it without using it',
    )
    .option('--days <n>', 'look back this many days (1-3650)', '90')
    .option('--json', 'print JSON')
    .action(async (opts: { days: string; json?: boolean }, cmd: Command) => {
      const days = reportDays(opts.days);
      if (days === undefined) throw new CliError('--days must be an integer from 1 to 3650');
      const r = await withServices(cmd, (s) =>
        passwordGrantReport({
          statistics: s.stores.statistics,
          applications: () => s.applications.list(),
          users: () => s.users.list(),
          now: Date.now(),
          days,
        }),
      );
      if (opts.json) return printJson(r);
      process.stdout.write(
        `Password grant since ${r.since} (${r.days} days): ${r.applicationsUsing} application(s), ${r.usersUsing} user(s), ${r.tokens} token(s).\n`,
      );
      printTable(
        ['APPLICATION', 'OWNER', 'STILL ALLOWED', 'USERS', 'TOKENS', 'LAST USED', 'TOP USERS'],
        r.applications.map((a) => [
          a.applicationName,
          a.owner,
          a.passwordGrantAllowed ? 'yes' : 'no',
          String(a.users.length),
          String(a.tokens),
          a.lastUsedAt,
          a.users
            .slice(0, 3)
            .map((u) => `${u.username} (${u.tokens})`)
            .join(', ') + (a.users.length > 3 ? ', ...' : ''),
        ]),
      );
      if (r.allowedButUnused.length > 0) {
        process.stdout.write(
          `\nAllowed but unused in the period (the password grant can be removed from them now):\n`,
        );
        printTable(
          ['APPLICATION', 'OWNER'],
          r.allowedButUnused.map((a) => [a.applicationName, a.owner]),
        );
      }
      process.stdout.write(
        `\nHow an application moves to authorization code + PKCE, step by step: ${r.migrationGuide}\n`,
      );
    });
}
