import { IdentityError } from './user.js';
const ROLE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export const ADMIN_ROLE = 'admin';
/** Parses "r1,r2" or a list into unique, validated role names. */
export function parseRoles(input) {
    const list = typeof input === 'string' ? input.split(',') : input;
    const roles = [...new Set(list.map((r) => r.trim()).filter((r) => r.length > 0))];
    const bad = roles.find((r) => !ROLE.test(r));
    if (bad !== undefined)
        throw new IdentityError('invalid_role', `"${bad}" is not a valid role name (letters, digits and . _ : -).`);
    return roles;
}
//# sourceMappingURL=roles.js.map