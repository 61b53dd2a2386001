import { iso, printJson, printTable, withServices } from '../context.js';
import { findApi } from './api.js';
import { ownedApp } from './app.js';
export function subscriptionCommands(program) {
    const sub = program
        .command('subscription')
        .description('subscribe applications to published APIs (the Developer Portal)');
    sub
        .command('add <app> <api> <version>')
        .description('subscribe an application to a published API with a throttling tier')
        .requiredOption('--owner <user>', 'the user who owns the application')
        .option('--tier <name>', 'throttling tier (see deployment.toml [apim.throttling])', 'Unlimited')
        .option('--json', 'print the subscription as JSON')
        .action(async (appName, apiName, version, o, cmd) => {
        const created = await withServices(cmd, async (s) => {
            const app = await ownedApp(s, o.owner, appName);
            const api = await findApi(s, apiName, version);
            return s.subscriptions.subscribe({ userId: app.ownerId }, { applicationId: app.id, apiId: api.id, tier: o.tier });
        });
        if (o.json)
            printJson(created);
        else
            console.log(`Subscribed "${appName}" to ${apiName} ${version} (tier ${o.tier}); subscription ${created.id}.`);
    });
    sub
        .command('list')
        .description("list a user's subscriptions")
        .requiredOption('--owner <user>', 'the user whose applications to list')
        .option('--json', 'print JSON')
        .action(async (o, cmd) => {
        const rows = await withServices(cmd, async (s) => {
            const user = await s.users.get(o.owner);
            const subs = await s.subscriptions.list({ userId: user.id });
            const apps = new Map((await s.applications.list(user.id)).map((a) => [a.id, a.name]));
            const apis = new Map((await s.apis.list()).map((a) => [a.id, `${a.name} ${a.version}`]));
            return subs.map((x) => ({
                ...x,
                application: apps.get(x.applicationId) ?? '',
                api: apis.get(x.apiId) ?? '',
            }));
        });
        if (o.json)
            printJson(rows);
        else
            printTable(['APPLICATION', 'API', 'TIER', 'SINCE', 'ID'], rows.map((r) => [r.application, r.api, r.tier, iso(r.createdAt), r.id]));
    });
    sub
        .command('remove <id>')
        .description('unsubscribe (by subscription id)')
        .requiredOption('--owner <user>', 'the user who owns the application')
        .action(async (id, o, cmd) => {
        await withServices(cmd, async (s) => s.subscriptions.unsubscribe({ userId: (await s.users.get(o.owner)).id }, id));
        console.log(`Removed subscription ${id}.`);
    });
}
//# sourceMappingURL=subscription.js.map