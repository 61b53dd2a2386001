export { createUserService, } from './users.js';
export { createLockout, lockDuration, isLocked, } from './lockout.js';
export { PasswordHasher, HashingOverloadedError } from './password-hasher.js';
export { checkNewPassword, MAX_PASSWORD_BYTES } from './password-policy.js';
export { normalizeUsername, validUsername } from './usernames.js';
export { parseRoles, ADMIN_ROLE } from './roles.js';
export { IdentityError } from './user.js';
export { hashFormat } from './foreign-hashes.js';
//# sourceMappingURL=index.js.map