import { auditView, parseSince } from '../../admin/index.js';
import { CliError, printJson, printTable, withServices } from '../context.js';
export function auditCommands(program) {
    const audit = program
        .command('audit')
        .description('the audit log of refusals: bad clients, bad credentials, locks, throttling, shedding');
    audit
        .command('list')
        .description('list audit events, newest first')
        .option('--type <type>', 'only this event type, e.g. login.failed, account.locked, request.throttled')
        .option('--since <when>', 'ISO 8601 time or a duration ago: 15m, 2h, 7d')
        .option('--limit <n>', 'at most this many events (1-1000)', '100')
        .option('--json', 'print JSON')
        .action(async (opts, cmd) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
            throw new CliError('--limit must be an integer from 1 to 1000');
        const since = opts.since === undefined ? undefined : parseSince(opts.since, Date.now());
        if (opts.since !== undefined && since === undefined)
            throw new CliError('--since must be an ISO 8601 time or a duration such as 15m, 2h, 7d');
        const events = await withServices(cmd, (s) => s.stores.audit.list({
            limit,
            ...(opts.type ? { type: opts.type } : {}),
            ...(since !== undefined ? { since } : {}),
        }));
        if (opts.json)
            printJson(events.map(auditView));
        else {
            printTable(['AT', 'TYPE', 'REASON', 'USER', 'CLIENT', 'IP', 'DETAIL'], events.map((e) => {
                const v = auditView(e);
                return [
                    v.at,
                    v.type,
                    v.reason,
                    v.username ?? '-',
                    v.consumerKey ?? '-',
                    v.ip ?? '-',
                    v.detail ?? '',
                ];
            }));
        }
    });
}
//# sourceMappingURL=audit.js.map