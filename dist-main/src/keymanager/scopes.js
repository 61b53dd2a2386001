import { ApplicationError } from './applications.js';
import { InvalidScopeError } from './errors.js';
export const DEFAULT_SCOPE = 'default';
// RFC 6749 §3.3 / App. A.4: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), space separated.
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
/** Splits a requested scope string; a malformed scope-token is invalid_scope (R25). */
export function parseScope(raw) {
    if (raw === undefined)
        return [];
    const tokens = raw.split(' ').filter((t) => t !== '');
    const bad = tokens.find((t) => !SCOPE_TOKEN.test(t));
    if (bad !== undefined)
        throw new InvalidScopeError('The scope parameter contains an illegal character.');
    if (tokens.length > 100)
        throw new InvalidScopeError('Too many scopes requested.');
    return [...new Set(tokens)];
}
export function formatScope(scopes) {
    return scopes.length === 0 ? DEFAULT_SCOPE : scopes.join(' ');
}
/**
 * Grants the requested scopes the roles allow (PRODUCT.md item 4): a scope is granted when it
 * is defined and either bound to no role or to a role the subject has; anything else is
 * silently dropped (RFC 6749 §3.3). Nothing granted = "default".
 */
export async function grantScopes(store, requested, roles) {
    const wanted = requested.filter((s) => s !== DEFAULT_SCOPE);
    if (wanted.length === 0)
        return [DEFAULT_SCOPE];
    const defined = await store.findMany(wanted);
    const allowed = new Set(defined
        .filter((s) => s.roles.length === 0 || s.roles.some((r) => roles.includes(r)))
        .map((s) => s.name));
    const granted = wanted.filter((s) => allowed.has(s));
    return granted.length === 0 ? [DEFAULT_SCOPE] : granted;
}
/** Validates a scope definition for the Publisher and the CLI (a 400, not an OAuth error: no client asked). */
export function checkScopeName(name) {
    if (!SCOPE_TOKEN.test(name) || name.length > 255 || name === DEFAULT_SCOPE) {
        throw new ApplicationError('invalid_input', `"${name}" is not a valid scope name (printable ASCII without spaces, quotes or backslashes; not "default").`);
    }
    return name;
}
//# sourceMappingURL=scopes.js.map