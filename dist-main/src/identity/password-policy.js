import { isCommonPassword } from './common-passwords.js';
import { IdentityError } from './user.js';
/** Longest password accepted, in UTF-8 bytes; checked before any hashing (R49). */
export const MAX_PASSWORD_BYTES = 1024;
// A context-specific word (NIST 800-63B §3.1.1.2): the service's own name.
const SERVICE_NAME = 'tollgate';
// ASVS 5.0 6.2: a minimum length, a breached-password list, no composition rules.
export function checkNewPassword(password, username, policy) {
    const length = [...password].length;
    if (length < policy.minLength) {
        throw new IdentityError('weak_password', `The password must have at least ${policy.minLength} characters.`);
    }
    if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
        throw new IdentityError('weak_password', `The password must be at most ${MAX_PASSWORD_BYTES} bytes long.`);
    }
    if (/[\r\n\0]/.test(password)) {
        throw new IdentityError('weak_password', 'The password may not contain line breaks or NUL characters.');
    }
    if (isCommonPassword(password, [username, SERVICE_NAME])) {
        throw new IdentityError('weak_password', 'This password is too common or too easy to guess (a breached password, a sequence, a repeat, or the username); choose another.');
    }
}
//# sourceMappingURL=password-policy.js.map