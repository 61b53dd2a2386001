import { IdentityError } from './user.js';
// Usernames are case-insensitive and unique after NFKC + lower-casing (R50), so "Alice",
// "alice" and "ａｌｉｃｅ" are one account. Only characters that are safe in logs and URLs.
const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,99}$/;
export function normalizeUsername(raw) {
    return raw.normalize('NFKC').toLowerCase();
}
export function validUsername(raw) {
    const name = normalizeUsername(raw);
    if (!USERNAME.test(name)) {
        throw new IdentityError('invalid_username', 'A username is 1 to 100 characters: letters, digits and . _ @ -, starting with a letter or digit.');
    }
    return name;
}
//# sourceMappingURL=usernames.js.map