import { GRANT_TYPES } from '../../keymanager/index.js';
import { CliError, iso, printJson, printTable, withServices } from '../context.js';
export async function ownedApp(s, owner, name) {
    const user = await s.users.get(owner);
    return s.applications.get(user.id, name);
}
function tokenType(v) {
    if (v === undefined)
        return undefined;
    if (v !== 'jwt' && v !== 'opaque')
        throw new CliError('--token-type is "jwt" or "opaque".');
    return v;
}
function seconds(v, flag) {
    if (v === undefined)
        return undefined;
    if (!/^\d+$/.test(v))
        throw new CliError(`${flag} takes a number of seconds.`);
    return Number(v);
}
/** The options `app create` and `app update` share. */
function changes(o) {
    return {
        ...(o['description'] !== undefined ? { description: String(o['description']) } : {}),
        ...(o['tokenType'] !== undefined ? { tokenType: tokenType(String(o['tokenType'])) } : {}),
        ...(o['grantTypes'] !== undefined ? { grantTypes: list(String(o['grantTypes'])) } : {}),
        ...(o['throttlingPolicy'] !== undefined
            ? { throttlingPolicy: String(o['throttlingPolicy']) }
            : {}),
    };
}
const GRANT_TYPES_HELP = `comma-separated: ${GRANT_TYPES.join(',')}`;
const list = (v) => v === undefined
    ? undefined
    : v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
export function appCommands(program) {
    const app = program.command('app').description('manage applications (OAuth clients)');
    app
        .command('create <name>')
        .description('create an application for a user')
        .requiredOption('--owner <user>', 'the user who owns the application')
        .option('--token-type <type>', 'jwt or opaque access tokens (default from deployment.toml: jwt)')
        .option('--grant-types <list>', GRANT_TYPES_HELP)
        .option('--access-token-lifetime <seconds>', 'access token lifetime (default 3600)')
        .option('--refresh-token-lifetime <seconds>', 'refresh token lifetime (default 86400)')
        .option('--throttling-policy <name>', 'application throttling policy enforced by the Gateway per end user (default Unlimited; see [apim.throttling] application_policies)')
        .option('--description <text>', 'free text')
        .option('--json', 'print the application as JSON')
        .action(async (name, o, cmd) => {
        const created = await withServices(cmd, async (s) => {
            const owner = await s.users.get(String(o['owner']));
            return s.applications.create({
                name,
                ownerId: owner.id,
                ...changes(o),
                accessTokenLifetime: seconds(o['accessTokenLifetime'], '--access-token-lifetime') ??
                    null,
                refreshTokenLifetime: seconds(o['refreshTokenLifetime'], '--refresh-token-lifetime') ??
                    null,
            });
        });
        if (o['json'])
            printJson(created);
        else
            console.log(`Created application "${created.name}" (${created.tokenType} tokens; grants ${created.grantTypes.join(', ')}; throttling policy ${created.throttlingPolicy}).`);
    });
    app
        .command('update <name>')
        .description('change an application: only the options given change')
        .requiredOption('--owner <user>', 'the user who owns the application')
        .option('--token-type <type>', 'jwt or opaque access tokens (for tokens issued from now on)')
        .option('--grant-types <list>', GRANT_TYPES_HELP)
        .option('--access-token-lifetime <seconds>', 'access token lifetime; 0 = the server default')
        .option('--refresh-token-lifetime <seconds>', 'refresh token lifetime; 0 = the server default')
        .option('--throttling-policy <name>', 'application throttling policy (e.g. Unlimited, 50PerMin, 20PerMin, 10PerMin)')
        .option('--description <text>', 'free text')
        .option('--json', 'print the application as JSON')
        .action(async (name, o, cmd) => {
        const lifetime = (key, flag) => {
            const v = seconds(o[key], flag);
            return v === undefined ? {} : { [key]: v === 0 ? null : v };
        };
        const updated = await withServices(cmd, async (s) => s.applications.update(await ownedApp(s, String(o['owner']), name), {
            ...changes(o),
            ...lifetime('accessTokenLifetime', '--access-token-lifetime'),
            ...lifetime('refreshTokenLifetime', '--refresh-token-lifetime'),
        }));
        if (o['json'])
            printJson(updated);
        else
            console.log(`Updated application "${updated.name}" (${updated.tokenType} tokens; grants ${updated.grantTypes.join(', ')}; throttling policy ${updated.throttlingPolicy}).`);
    });
    app
        .command('list')
        .description('list applications')
        .option('--owner <user>', "only this user's applications")
        .option('--json', 'print JSON')
        .action(async (o, cmd) => {
        const rows = await withServices(cmd, async (s) => {
            const apps = await s.applications.list(o.owner ? (await s.users.get(o.owner)).id : undefined);
            return Promise.all(apps.map(async (a) => ({
                ...a,
                owner: (await s.users.findById(a.ownerId))?.username ?? '?',
            })));
        });
        if (o.json)
            printJson(rows);
        else
            printTable(['NAME', 'OWNER', 'TOKEN', 'GRANTS', 'CREATED'], rows.map((a) => [a.name, a.owner, a.tokenType, a.grantTypes.join(','), iso(a.createdAt)]));
    });
    app
        .command('remove <name>')
        .description('delete an application, its keys, and revoke its tokens')
        .requiredOption('--owner <user>', 'the owner')
        .action(async (name, o, cmd) => {
        await withServices(cmd, async (s) => s.applications.remove((await s.users.get(o.owner)).id, name));
        console.log(`Removed application "${name}".`);
    });
    app
        .command('users <name>')
        .description('Registered Users for Application: who obtained tokens with the password grant')
        .requiredOption('--owner <user>', 'the owner')
        .option('--json', 'print JSON')
        .action(async (name, o, cmd) => {
        const rows = await withServices(cmd, async (s) => {
            const found = await s.applications.registeredUsers(await ownedApp(s, o.owner, name));
            return Promise.all(found.map(async (r) => ({
                username: (await s.users.findById(r.userId))?.username ?? '(deleted user)',
                ...r,
            })));
        });
        if (o.json)
            printJson(rows.map((r) => ({
                username: r.username,
                userId: r.userId,
                tokenCount: r.tokenCount,
                firstIssuedAt: iso(r.firstIssuedAt),
                lastIssuedAt: iso(r.lastIssuedAt),
            })));
        else {
            printTable(['USERNAME', 'TOKENS', 'FIRST', 'LAST'], rows.map((r) => [
                r.username,
                String(r.tokenCount),
                iso(r.firstIssuedAt),
                iso(r.lastIssuedAt),
            ]));
            console.log(`${rows.length} registered user${rows.length === 1 ? '' : 's'}.`);
        }
    });
}
//# sourceMappingURL=app.js.map