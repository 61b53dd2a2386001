import { parseRoles } from '../../identity/index.js';
import { checkScopeName } from '../../keymanager/index.js';
import { CliError, printJson, printTable, withServices } from '../context.js';
export function scopeCommands(program) {
    const scope = program
        .command('scope')
        .description('manage OAuth scopes and the roles they are granted to');
    scope
        .command('add <name>')
        .description('define a scope (or change its roles); users with any of the roles may be granted it')
        .option('--roles <roles>', 'comma-separated roles; empty = any user', '')
        .option('--description <text>', 'what the scope allows', '')
        .action(async (name, opts, cmd) => {
        const roles = parseRoles(opts.roles);
        await withServices(cmd, (s) => s.stores.scopes.upsert({ name: checkScopeName(name), description: opts.description, roles }, Date.now()));
        console.log(`Scope "${name}" granted to ${roles.length ? `roles ${roles.join(', ')}` : 'any user'}.`);
    });
    scope
        .command('list')
        .description('list scopes')
        .option('--json', 'print JSON')
        .action(async (opts, cmd) => {
        const scopes = await withServices(cmd, (s) => s.stores.scopes.list());
        if (opts.json)
            printJson(scopes);
        else
            printTable(['SCOPE', 'ROLES', 'DESCRIPTION'], scopes.map((s) => [s.name, s.roles.join(',') || '(any user)', s.description]));
    });
    scope
        .command('remove <name>')
        .description('delete a scope')
        .action(async (name, _opts, cmd) => {
        const removed = await withServices(cmd, (s) => s.stores.scopes.remove(name));
        if (!removed)
            throw new CliError(`No scope named "${name}".`);
        console.log(`Removed scope "${name}".`);
    });
}
//# sourceMappingURL=scope.js.map