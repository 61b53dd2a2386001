/** Keeps the grant's wire name as a literal type, so the registry yields the GrantType union. */
export function defineGrant(grant) {
    return Object.freeze(grant);
}
//# sourceMappingURL=grant.js.map