import { randomUUID } from 'node:crypto';
import { isLocked } from './lockout.js';
import { checkNewPassword, MAX_PASSWORD_BYTES } from './password-policy.js';
import { parseRoles } from './roles.js';
import { createUserImport } from './user-import.js';
import { normalizeUsername, validUsername } from './usernames.js';
import { IdentityError } from './user.js';
export function createUserService(deps) {
    const now = deps.now ?? Date.now;
    const { store, hasher } = deps;
    async function mustFind(username) {
        const user = await store.findByUsername(normalizeUsername(username));
        if (!user)
            throw new IdentityError('user_not_found', `No user named "${username}".`);
        return user;
    }
    return {
        async create(input) {
            const username = validUsername(input.username);
            if (await deps.isClientId?.(username)) {
                throw new IdentityError('invalid_username', 'This username is not available.');
            }
            checkNewPassword(input.password, username, deps.policy);
            const roles = parseRoles(input.roles ?? []);
            const t = now();
            const user = {
                id: randomUUID(),
                username,
                passwordHash: await hasher.hash(input.password),
                roles,
                status: 'active',
                createdAt: t,
            };
            await store.create(user);
            return user;
        },
        /**
         * Checks a username and password with the same work whatever the outcome: an unknown
         * user still pays one full hash (R19, R20). The caller turns every failure into the
         * same invalid_grant answer.
         */
        async authenticate(username, password) {
            if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
                return { ok: false, reason: 'wrong_password' };
            }
            const user = await store.findByUsername(normalizeUsername(username));
            if (!user) {
                await hasher.verifyDummy(password);
                return { ok: false, reason: 'unknown_user' };
            }
            const lock = await deps.lockout?.state(user.id);
            const t = now();
            // A locked account still pays the hash so it answers like a wrong password, in the same
            // time (R19); attempts during a lock neither count nor extend it.
            const matches = await hasher.verify(user.passwordHash, password);
            if (isLocked(lock, t))
                return { ok: false, reason: 'locked', user };
            if (!matches) {
                const lockedUntil = await deps.lockout?.recordFailure(user.id, t);
                return {
                    ok: false,
                    reason: 'wrong_password',
                    user,
                    ...(lockedUntil !== undefined ? { lockedUntil } : {}),
                };
            }
            if (user.status !== 'active')
                return { ok: false, reason: 'disabled', user };
            await deps.lockout?.recordSuccess(user.id, lock);
            if (hasher.needsRehash(user.passwordHash)) {
                // Parameters changed since this hash was made: upgrade it now that we hold the password.
                await store.updatePasswordHash(user.id, await hasher.hash(password), now());
            }
            return { ok: true, user };
        },
        async setPassword(username, password) {
            const user = await mustFind(username);
            checkNewPassword(password, user.username, deps.policy);
            await store.updatePasswordHash(user.id, await hasher.hash(password), now());
            await deps.onCredentialsChanged?.(user.id);
        },
        async setRoles(username, roles) {
            const user = await mustFind(username);
            const parsed = parseRoles(roles);
            await store.updateRoles(user.id, parsed, now());
            return { ...user, roles: parsed };
        },
        async setStatus(username, status) {
            const user = await mustFind(username);
            await store.updateStatus(user.id, status, now());
            if (status === 'disabled')
                await deps.onCredentialsChanged?.(user.id);
        },
        async remove(username) {
            const user = await mustFind(username);
            await deps.onCredentialsChanged?.(user.id);
            await store.remove(user.id);
        },
        /** Admin unlock (R23): forgets failures and any lock. False when the account was not locked or counting. */
        async unlock(username) {
            const user = await mustFind(username);
            return deps.lockout ? deps.lockout.unlock(user.id) : false;
        },
        /** Accounts locked now, for admins. */
        async listLocked() {
            const locked = (await deps.lockout?.listLocked(now())) ?? [];
            const out = [];
            for (const l of locked) {
                const u = await store.findById(l.userId);
                if (u)
                    out.push({ username: u.username, lockedUntil: l.lockedUntil });
            }
            return out;
        },
        /** Users from another system, keeping their password hashes until their next login (user-import.ts). */
        importUsers: createUserImport({
            store,
            hasher,
            policy: deps.policy,
            now,
            ...(deps.isClientId ? { isClientId: deps.isClientId } : {}),
        }),
        /** The hashing pool would refuse a check now: callers shed before any lookup (R55). */
        hashingSaturated: () => hasher.saturated,
        get: mustFind,
        find: (username) => store.findByUsername(normalizeUsername(username)),
        findById: (id) => store.findById(id),
        list: () => store.list(),
        count: () => store.count(),
    };
}
//# sourceMappingURL=users.js.map