import { adminAuditEvent, usersImportedEvent } from '../../audit/index.js';
import { readFile } from 'node:fs/promises';
import { hashFormat } from '../../identity/index.js';
import { CliError, iso, printJson, printTable, withServices } from '../context.js';
import { csvItems, importFormatOf, jsonItems } from '../import-file.js';
// passwordHashFormat: anything but argon2id is an imported hash not yet replaced at a login.
const view = (u) => ({
    id: u.id,
    username: u.username,
    roles: u.roles,
    status: u.status,
    createdAt: iso(u.createdAt),
    passwordHashFormat: hashFormat(u.passwordHash) ?? 'unknown',
});
export function userCommands(program) {
    const user = program
        .command('user')
        .description('manage users (resource owners, developers, administrators)');
    user
        .command('add <name>')
        .description('create a user')
        .requiredOption('--password <password>', 'the password (at least 8 characters, not a common one)')
        .option('--roles <roles>', 'comma-separated roles, e.g. admin,publisher', '')
        .option('--json', 'print the user as JSON')
        .action(async (name, opts, cmd) => {
        const created = await withServices(cmd, (s) => s.users.create({ username: name, password: opts.password, roles: opts.roles }));
        if (opts.json)
            printJson(view(created));
        else
            console.log(`Created user "${created.username}"${created.roles.length ? ` with roles ${created.roles.join(', ')}` : ''}.`);
    });
    user
        .command('import <file>')
        .description('import users from another system, keeping their password hashes (rehashed to argon2id at their next login); all or nothing')
        .option('--format <format>', 'json or csv (default: from the file name)')
        .option('--dry-run', 'only check the file')
        .option('--json', 'print the result as JSON')
        .action(async (file, opts, cmd) => {
        const format = importFormatOf(file, opts.format);
        const text = await readFile(file, 'utf8').catch((err) => {
            throw new CliError(`cannot read ${file} (${err.code ?? err.message})`);
        });
        const items = format === 'csv' ? csvItems(text) : jsonItems(text);
        const refName = format === 'csv' ? 'line' : 'entry';
        const r = await withServices(cmd, async (s) => {
            const result = await s.users.importUsers(items, {
                dryRun: opts.dryRun === true,
                refName,
            });
            if (!result.dryRun && result.imported > 0)
                await s.stores.audit.append([
                    usersImportedEvent(s.now(), result.imported, 'cli', file),
                ]);
            return result;
        });
        if (opts.json) {
            printJson({
                valid: r.valid,
                imported: r.imported,
                dryRun: r.dryRun,
                errors: r.problems.map((p) => ({
                    [refName]: p.ref,
                    ...(p.username !== undefined ? { username: p.username } : {}),
                    reason: p.reason,
                })),
            });
            if (r.problems.length > 0)
                process.exitCode = 1;
            return;
        }
        for (const p of r.problems)
            process.stderr.write(`${refName} ${p.ref}${p.username !== undefined ? ` (${p.username})` : ''}: ${p.reason}\n`);
        if (r.problems.length > 0)
            throw new CliError(`nothing imported: ${r.problems.length} bad ${r.problems.length > 1 ? (refName === 'line' ? 'lines' : 'entries') : refName}`);
        const users = (n) => `${n} user${n === 1 ? '' : 's'}`;
        console.log(r.dryRun
            ? `Dry run: ${users(r.valid)} would be imported; nothing written.`
            : `Imported ${users(r.imported)}.`);
    });
    user
        .command('list')
        .description('list users')
        .option('--json', 'print JSON')
        .action(async (opts, cmd) => {
        const users = await withServices(cmd, (s) => s.users.list());
        if (opts.json)
            printJson(users.map(view));
        else
            printTable(['USERNAME', 'ROLES', 'STATUS', 'CREATED'], users.map((u) => [u.username, u.roles.join(','), u.status, iso(u.createdAt)]));
    });
    user
        .command('remove <name>')
        .description('delete a user and revoke their tokens')
        .action(async (name, _opts, cmd) => {
        await withServices(cmd, (s) => s.users.remove(name));
        console.log(`Removed user "${name}".`);
    });
    user
        .command('set-password <name>')
        .description("change a user's password (their tokens are revoked)")
        .requiredOption('--password <password>', 'the new password')
        .action(async (name, opts, cmd) => {
        await withServices(cmd, (s) => s.users.setPassword(name, opts.password));
        console.log(`Password of "${name}" changed; their tokens are revoked.`);
    });
    user
        .command('roles <name> [roles]')
        .description("show a user's roles, or replace them with a comma-separated list")
        .option('--json', 'print JSON')
        .action(async (name, roles, opts, cmd) => {
        const u = await withServices(cmd, (s) => roles === undefined ? s.users.get(name) : s.users.setRoles(name, roles));
        if (opts.json)
            printJson(u.roles);
        else
            console.log(u.roles.length ? u.roles.join(',') : '(no roles)');
    });
    for (const [verb, status] of [
        ['disable', 'disabled'],
        ['enable', 'active'],
    ]) {
        user
            .command(`${verb} <name>`)
            .description(verb === 'disable'
            ? 'stop a user from signing in and revoke their tokens'
            : 'let a disabled user sign in again')
            .action(async (name, _opts, cmd) => {
            await withServices(cmd, (s) => s.users.setStatus(name, status));
            console.log(`User "${name}" is ${status}.`);
        });
    }
    user
        .command('unlock <name>')
        .description('end a lock after too many wrong passwords and forget the failures (R23)')
        .action(async (name, _opts, cmd) => {
        const hadFailures = await withServices(cmd, async (s) => {
            const had = await s.users.unlock(name);
            await s.stores.audit.append([
                adminAuditEvent(s.now(), 'account.unlocked', (await s.users.get(name)).username, 'cli'),
            ]);
            return had;
        });
        console.log(hadFailures
            ? `User "${name}" is unlocked; failed attempts are forgotten.`
            : `User "${name}" was not locked.`);
    });
    user
        .command('locked')
        .description('list accounts locked now')
        .option('--json', 'print JSON')
        .action(async (opts, cmd) => {
        const locked = await withServices(cmd, (s) => s.users.listLocked());
        if (opts.json)
            printJson(locked.map((l) => ({ username: l.username, lockedUntil: iso(l.lockedUntil) })));
        else
            printTable(['USERNAME', 'LOCKED UNTIL'], locked.map((l) => [l.username, iso(l.lockedUntil)]));
    });
}
//# sourceMappingURL=user.js.map