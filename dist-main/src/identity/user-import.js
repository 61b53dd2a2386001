import { randomUUID } from 'node:crypto';
import { keycloakCredentialHash, parseHash } from './foreign-hashes.js';
import { checkNewPassword } from './password-policy.js';
import { parseRoles } from './roles.js';
import { normalizeUsername, validUsername } from './usernames.js';
import { IdentityError } from './user.js';
const FIELDS = new Set(['username', 'roles', 'passwordHash', 'credential', 'password', 'status']);
const CREDENTIAL_FIELDS = new Set(['algorithm', 'hashIterations', 'salt', 'hashedSaltedValue']);
const KEYCLOAK_ALGORITHMS = new Set(['pbkdf2-sha256', 'pbkdf2-sha512', 'pbkdf2']);
class Invalid extends Error {
}
const invalid = (reason) => {
    throw new Invalid(reason);
};
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A stored hash from `passwordHash` or a Keycloak `credential`, checked to be one Tollgate can verify. */
function importedHash(b) {
    let stored;
    if (b['credential'] !== undefined) {
        const c = b['credential'];
        if (!isObject(c))
            return invalid('"credential" must be an object { algorithm, hashIterations, salt, hashedSaltedValue }.');
        const extra = Object.keys(c).find((k) => !CREDENTIAL_FIELDS.has(k));
        if (extra !== undefined)
            return invalid(`Unknown credential field "${extra}".`);
        const { algorithm, hashIterations, salt, hashedSaltedValue } = c;
        if (typeof algorithm !== 'string' || !KEYCLOAK_ALGORITHMS.has(algorithm)) {
            return invalid('Unknown credential algorithm (pbkdf2-sha256, pbkdf2-sha512 or pbkdf2).');
        }
        if (typeof hashIterations !== 'number' || !Number.isSafeInteger(hashIterations))
            return invalid('"hashIterations" must be an integer.');
        if (typeof salt !== 'string' || typeof hashedSaltedValue !== 'string')
            return invalid('"salt" and "hashedSaltedValue" must be base64 strings.');
        stored = keycloakCredentialHash({ algorithm, hashIterations, salt, hashedSaltedValue });
    }
    else {
        if (typeof b['passwordHash'] !== 'string')
            return invalid('"passwordHash" must be a string.');
        stored = b['passwordHash'];
    }
    const parsed = parseHash(stored);
    return 'error' in parsed ? invalid(parsed.error) : stored;
}
function entryOf(value, policy) {
    if (!isObject(value))
        return invalid('An entry must be an object with at least "username".');
    const extra = Object.keys(value).find((k) => !FIELDS.has(k));
    if (extra !== undefined)
        return invalid(`Unknown field "${extra}".`);
    if (typeof value['username'] !== 'string')
        return invalid('"username" is missing.');
    const username = validUsername(value['username']);
    const roles = value['roles'] ?? [];
    if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string'))
        return invalid('"roles" is a list of role names.');
    const status = value['status'] ?? 'active';
    if (status !== 'active' && status !== 'disabled')
        return invalid('"status" is "active" or "disabled".');
    const given = ['passwordHash', 'credential', 'password'].filter((k) => value[k] !== undefined);
    if (given.length !== 1)
        return invalid('Give exactly one of "passwordHash", "credential" or "password".');
    let secret;
    if (given[0] === 'password') {
        if (typeof value['password'] !== 'string')
            return invalid('"password" must be a string.');
        checkNewPassword(value['password'], username, policy);
        secret = { password: value['password'] };
    }
    else {
        secret = { hash: importedHash(value) };
    }
    return { username, roles: parseRoles(roles), status, secret };
}
function reasonOf(err) {
    if (err instanceof Invalid || err instanceof IdentityError)
        return err.message;
    throw err;
}
/**
 * Imports users all or nothing: every entry is checked first (format, hash, username rules,
 * duplicates in the import, existing users) and every problem reported; only a clean import is
 * written, in one transaction. Imported hashes are kept as they are and replaced by argon2id at
 * the user's next successful login (users.ts authenticate, R48); a plain `password` is hashed now.
 */
export function createUserImport(deps) {
    return async function importUsers(items, opts = {}) {
        const problems = [];
        const entries = [];
        const seen = new Map();
        for (const item of items) {
            const rawName = 'value' in item && isObject(item.value) && typeof item.value['username'] === 'string'
                ? item.value['username']
                : undefined;
            const named = rawName !== undefined ? { username: rawName } : {};
            if ('problem' in item) {
                problems.push({ ref: item.ref, ...named, reason: item.problem });
                continue;
            }
            try {
                // Duplicates are found among bad entries too, so that fixing one line does not reveal another problem.
                const key = rawName !== undefined ? normalizeUsername(rawName) : undefined;
                const first = key !== undefined ? seen.get(key) : undefined;
                if (first !== undefined)
                    invalid(`Duplicate username "${key}" (first on ${opts.refName ?? 'entry'} ${first}).`);
                if (key !== undefined)
                    seen.set(key, item.ref);
                const entry = entryOf(item.value, deps.policy);
                if (await deps.store.findByUsername(normalizeUsername(entry.username)))
                    invalid(`A user named "${entry.username}" already exists.`);
                if (await deps.isClientId?.(entry.username))
                    invalid('This username is not available.');
                entries.push(entry);
            }
            catch (err) {
                problems.push({ ref: item.ref, ...named, reason: reasonOf(err) });
            }
        }
        const dryRun = opts.dryRun === true;
        if (problems.length > 0 || dryRun)
            return { valid: problems.length > 0 ? 0 : entries.length, imported: 0, dryRun, problems };
        const t = deps.now();
        const users = [];
        for (const e of entries) {
            // One at a time: a large import never fills the bounded hashing queue by itself.
            const passwordHash = 'hash' in e.secret ? e.secret.hash : await deps.hasher.hash(e.secret.password);
            users.push({
                id: randomUUID(),
                username: e.username,
                passwordHash,
                roles: e.roles,
                status: e.status,
                createdAt: t,
            });
        }
        await deps.store.createMany(users);
        return { valid: users.length, imported: users.length, dryRun, problems };
    };
}
//# sourceMappingURL=user-import.js.map