import { usersImportedEvent } from '../audit/index.js';
import { ApiError, badRequest, forbidden } from '../http/api-error.js';
import { int, list, obj, oneOf, params, query, str } from '../http/route-schema.js';
import { ADMIN_ROLE, normalizeUsername } from '../identity/index.js';
const view = (u) => ({
    username: u.username,
    roles: u.roles,
    status: u.status,
    createdAt: u.createdAt,
});
function field(b, name) {
    return b[name];
}
function rolesField(v) {
    if (v === undefined)
        return undefined;
    if (!Array.isArray(v) || !v.every((r) => typeof r === 'string'))
        throw badRequest('"roles" is a list of role names.');
    return v;
}
const status = oneOf('active', 'disabled');
const importedUser = obj({
    username: str(),
    roles: list(str()),
    passwordHash: str({
        description: 'argon2id/argon2i, bcrypt, $pbkdf2-sha256|-sha512|-sha1$i=N$salt$hash or $wso2-sha256$salt$hash',
    }),
    password: str(),
    status: str({ description: 'active or disabled' }),
    credential: obj({
        algorithm: str({ description: 'pbkdf2-sha256, pbkdf2-sha512 or pbkdf2 (Keycloak)' }),
        hashIterations: int(),
        salt: str(),
        hashedSaltedValue: str(),
    }),
});
const username = params('username');
/** Admin: users and their roles. An admin cannot disable, remove or demote themself (no lock-out). */
// Disabling a user, changing their password or removing them revokes their tokens and ends
// their web sessions (the user service's onCredentialsChanged, wired in compose/services.ts).
export function registerUserRoutes(app, deps) {
    const base = '/users';
    const body = (b) => b !== null && typeof b === 'object' ? b : {};
    const isSelf = (req, username) => normalizeUsername(username) === req.principal.username;
    app.get(base, { schema: { summary: 'All users' } }, async () => ({
        list: (await deps.users.list()).map(view),
    }));
    app.get('/roles', { schema: { summary: 'Roles in use' } }, async () => {
        const roles = new Set([ADMIN_ROLE]);
        for (const u of await deps.users.list())
            for (const r of u.roles)
                roles.add(r);
        return { list: [...roles].sort() };
    });
    const create = {
        summary: 'Create a user',
        body: obj({ username: str(), password: str(), roles: list(str()) }, ['username', 'password']),
        successStatus: 201,
    };
    app.post(base, { schema: create }, async (req, reply) => {
        const b = body(req.body);
        const username = field(b, 'username');
        const password = field(b, 'password');
        if (typeof username !== 'string' || typeof password !== 'string' || !username || !password)
            throw badRequest('Enter a username and a password.');
        const user = await deps.users.create({
            username,
            password,
            roles: rolesField(field(b, 'roles')) ?? [],
        });
        return reply.code(201).send(view(user));
    });
    // Users from another system, all or nothing (identity/user-import.ts). The body is a JSON array
    // of { username, roles?, passwordHash? | credential? | password?, status? }; ?dryRun=true only checks.
    const importing = {
        summary: 'Import users from another system, all or nothing (?dryRun=true only checks): each keeps its password hash or a Keycloak credential until its next login rehashes it; 400 lists every bad entry in errors',
        querystring: query({ dryRun: str({ description: 'true: check only' }) }),
        body: list(importedUser),
        successStatus: 201,
    };
    app.post(`${base}/import`, { schema: importing, bodyLimit: 8 * 1024 * 1024 }, async (req, reply) => {
        if (!Array.isArray(req.body))
            throw badRequest('The body is a JSON array of users.');
        const dryRun = req.query['dryRun'] === 'true';
        const r = await deps.users.importUsers(req.body.map((value, i) => ({ ref: i + 1, value })), { dryRun });
        if (r.problems.length > 0) {
            const n = r.problems.length;
            throw new ApiError(400, 'Bad Request', `Nothing imported: ${n} ${n > 1 ? 'entries are' : 'entry is'} invalid.`, {
                errors: r.problems.map((p) => ({
                    entry: p.ref,
                    ...(p.username !== undefined ? { username: p.username } : {}),
                    reason: p.reason,
                })),
            });
        }
        if (!dryRun)
            deps.audit(usersImportedEvent(deps.now(), r.imported, req.principal?.username ?? 'unknown'));
        return reply.code(dryRun ? 200 : 201).send({ valid: r.valid, imported: r.imported, dryRun });
    });
    const change = {
        summary: 'Change roles, status (active | disabled) or password',
        params: username,
        body: obj({ roles: list(str()), status, password: str() }),
    };
    app.put(`${base}/:username`, { schema: change }, async (req) => {
        const { username } = req.params;
        const b = body(req.body);
        const roles = rolesField(field(b, 'roles'));
        const status = field(b, 'status');
        const password = field(b, 'password');
        if (status !== undefined && status !== 'active' && status !== 'disabled')
            throw badRequest('"status" is "active" or "disabled".');
        if (password !== undefined && typeof password !== 'string')
            throw badRequest('"password" must be a string.');
        if (isSelf(req, username) &&
            (status === 'disabled' || (roles && !roles.includes(ADMIN_ROLE)))) {
            throw forbidden('You cannot disable yourself or remove your own admin role.');
        }
        await deps.users.get(username);
        if (roles)
            await deps.users.setRoles(username, roles);
        if (status)
            await deps.users.setStatus(username, status);
        if (password)
            await deps.users.setPassword(username, password);
        return view(await deps.users.get(username));
    });
    const remove = {
        summary: 'Remove a user (revokes their tokens)',
        params: username,
        successStatus: 204,
    };
    app.delete(`${base}/:username`, { schema: remove }, async (req, reply) => {
        const { username } = req.params;
        if (isSelf(req, username))
            throw forbidden('You cannot remove yourself.');
        await deps.users.remove(username);
        return reply.code(204).send();
    });
}
//# sourceMappingURL=user-routes.js.map