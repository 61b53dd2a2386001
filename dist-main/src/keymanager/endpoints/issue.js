/** The client may receive a refresh token: the grant is on globally and for its application. */
export function refreshAllowed(client, enabledGrants) {
    return (enabledGrants.includes('refresh_token') &&
        client.application.grantTypes.includes('refresh_token'));
}
/**
 * The last step of every grant: mint the tokens a grant decided on, commit them before
 * answering (R52), then announce them (statistics, the Registered Users report).
 */
export function createIssuer(deps) {
    return async function issue(client, grantType, decision, now) {
        const { scope, subject, refresh } = decision;
        const minted = await deps.mint({
            client,
            grantType,
            scope,
            ...(subject ? { subject } : {}),
            ...(refresh !== undefined && refresh !== 'new' ? { family: refresh } : {}),
            withRefreshToken: refresh !== undefined && refreshAllowed(client, deps.enabledGrants),
        }, now);
        if (decision.commit)
            await decision.commit(minted.issuance);
        else
            await deps.tokens.saveIssuance(minted.issuance);
        deps.events({
            type: 'token.issued',
            applicationId: client.application.id,
            consumerKey: client.key.consumerKey,
            userId: subject?.id ?? null,
            grantType,
            scope,
        });
        return minted.response;
    };
}
//# sourceMappingURL=issue.js.map