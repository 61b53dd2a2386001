import { createTokenLookup } from './token-lookup.js';
/** Administrator actions on tokens of any client (CLI, Admin REST). */
export function createTokenAdmin(deps) {
    const now = deps.now ?? Date.now;
    const lookup = createTokenLookup({
        store: deps.store,
        keys: () => deps.keys,
        config: deps.config,
    });
    return {
        /** Revokes an access token, or a refresh token with its whole family. */
        async revoke(value) {
            const found = await lookup(value, undefined);
            if (!found)
                return undefined;
            if (found.kind === 'refresh')
                await deps.store.revokeFamily(found.state.familyId, now(), 'revoked_by_admin');
            else
                await deps.store.revokeAccess(found.record.jti, now());
            return found.kind;
        },
    };
}
//# sourceMappingURL=token-admin.js.map