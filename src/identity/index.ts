export {
  createUserService,
  type UserService,
  type AuthenticationResult,
  type AuthenticationFailure,
} from './users.js';
export {
  createLockout,
  lockDuration,
  isLocked,
  type Lockout,
  type LockoutState,
  type LockoutStore,
} from './lockout.js';
export { PasswordHasher, HashingOverloadedError, type Gone } from './password-hasher.js';
export { LocalHashPool, type HashLoad, type HashRunner } from './hash-pool.js';
export { checkNewPassword, MAX_PASSWORD_BYTES, type PasswordPolicy } from './password-policy.js';
export { normalizeUsername, validUsername } from './usernames.js';
export { parseRoles, ADMIN_ROLE } from './roles.js';
export { IdentityError, type User, type UserStatus } from './user.js';
export type { UserStore } from './store.js';
export { hashFormat, type HashFormat } from './foreign-hashes.js';
export type { ImportItem, ImportProblem, ImportResult } from './user-import.js';
