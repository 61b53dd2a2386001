import { randomUUID } from 'node:crypto';
import { isLocked, type Lockout } from './lockout.js';
import type { Gone, PasswordHasher } from './password-hasher.js';
import { checkNewPassword, MAX_PASSWORD_BYTES, type PasswordPolicy } from './password-policy.js';
import { parseRoles } from './roles.js';
import { createUserImport } from './user-import.js';
import type { UserStore } from './store.js';
import { normalizeUsername, validUsername } from './usernames.js';
import { IdentityError, type User, type UserStatus } from './user.js';

export interface UserServiceDeps {
  readonly store: UserStore;
  readonly hasher: PasswordHasher;
  readonly policy: PasswordPolicy;
  readonly now?: () => number;
  /** Called after a password change or removal so the user's tokens can be revoked (R31). */
  readonly onCredentialsChanged?: (userId: string) => Promise<void>;
  /** Refuses usernames that equal a consumer key (R50, RFC 9700 §4.15). */
  readonly isClientId?: (name: string) => Promise<boolean>;
  /** Per-account escalating lock (R22, R23); absent = no locking. */
  readonly lockout?: Lockout;
}

export type AuthenticationFailure = 'unknown_user' | 'wrong_password' | 'disabled' | 'locked';

/** `user` is set for failures on an existing account (audit); it never reaches the client (R19). */
export type AuthenticationResult =
  | { readonly ok: true; readonly user: User }
  | {
      readonly ok: false;
      readonly reason: AuthenticationFailure;
      readonly user?: User;
      readonly lockedUntil?: number;
    };

export function createUserService(deps: UserServiceDeps) {
  const now = deps.now ?? Date.now;
  const { store, hasher } = deps;

  async function mustFind(username: string): Promise<User> {
    const user = await store.findByUsername(normalizeUsername(username));
    if (!user) throw new IdentityError('user_not_found', `No user named "${username}".`);
    return user;
  }

  return {
    async create(input: {
      username: string;
      password: string;
      roles?: string | readonly string[];
    }): Promise<User> {
      const username = validUsername(input.username);
      if (await deps.isClientId?.(username)) {
        throw new IdentityError('invalid_username', 'This username is not available.');
      }
      checkNewPassword(input.password, username, deps.policy);
      const roles = parseRoles(input.roles ?? []);
      const t = now();
      const user: User = {
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
     * same invalid_grant answer. `gone`: the hash is skipped (ClientGoneError, nothing counted)
     * if the client left while the check waited for a hashing slot.
     */
    async authenticate(
      username: string,
      password: string,
      gone?: Gone,
    ): Promise<AuthenticationResult> {
      if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
        return { ok: false, reason: 'wrong_password' };
      }
      const user = await store.findByUsername(normalizeUsername(username));
      if (!user) {
        await hasher.verifyDummy(password, gone);
        return { ok: false, reason: 'unknown_user' };
      }
      const lock = await deps.lockout?.state(user.id);
      const t = now();
      // A locked account still pays the hash so it answers like a wrong password, in the same
      // time (R19); attempts during a lock neither count nor extend it.
      const matches = await hasher.verify(user.passwordHash, password, gone);
      if (isLocked(lock, t)) return { ok: false, reason: 'locked', user };
      if (!matches) {
        const lockedUntil = await deps.lockout?.recordFailure(user.id, t);
        return {
          ok: false,
          reason: 'wrong_password',
          user,
          ...(lockedUntil !== undefined ? { lockedUntil } : {}),
        };
      }
      if (user.status !== 'active') return { ok: false, reason: 'disabled', user };
      await deps.lockout?.recordSuccess(user.id, lock);
      if (hasher.needsRehash(user.passwordHash)) {
        // Parameters changed since this hash was made: upgrade it now that we hold the password.
        await store.updatePasswordHash(user.id, await hasher.hash(password), now());
      }
      return { ok: true, user };
    },

    async setPassword(username: string, password: string): Promise<void> {
      const user = await mustFind(username);
      checkNewPassword(password, user.username, deps.policy);
      await store.updatePasswordHash(user.id, await hasher.hash(password), now());
      await deps.onCredentialsChanged?.(user.id);
    },

    async setRoles(username: string, roles: string | readonly string[]): Promise<User> {
      const user = await mustFind(username);
      const parsed = parseRoles(roles);
      await store.updateRoles(user.id, parsed, now());
      return { ...user, roles: parsed };
    },

    async setStatus(username: string, status: UserStatus): Promise<void> {
      const user = await mustFind(username);
      await store.updateStatus(user.id, status, now());
      if (status === 'disabled') await deps.onCredentialsChanged?.(user.id);
    },

    async remove(username: string): Promise<void> {
      const user = await mustFind(username);
      await deps.onCredentialsChanged?.(user.id);
      await store.remove(user.id);
    },

    /** Admin unlock (R23): forgets failures and any lock. False when the account was not locked or counting. */
    async unlock(username: string): Promise<boolean> {
      const user = await mustFind(username);
      return deps.lockout ? deps.lockout.unlock(user.id) : false;
    },

    /** Accounts locked now, for admins. */
    async listLocked(): Promise<Array<{ username: string; lockedUntil: number }>> {
      const locked = (await deps.lockout?.listLocked(now())) ?? [];
      const out: Array<{ username: string; lockedUntil: number }> = [];
      for (const l of locked) {
        const u = await store.findById(l.userId);
        if (u) out.push({ username: u.username, lockedUntil: l.lockedUntil });
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
    find: (username: string) => store.findByUsername(normalizeUsername(username)),
    findById: (id: string) => store.findById(id),
    list: () => store.list(),
    count: () => store.count(),
  };
}

export type UserService = ReturnType<typeof createUserService>;
