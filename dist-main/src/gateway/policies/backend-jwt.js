/**
 * [apim.jwt]: the caller's identity for the backend, as a JWT signed by the Gateway (WSO2's
 * X-JWT-Assertion), reused per caller while fresh. Resources with auth "none" have no caller
 * and get none. Only in the chain when enabled; the proxy drops a client-sent header of that
 * name in any case.
 */
export function backendJwt(signer) {
    async function wait(call, pending) {
        call.assertion = await pending;
    }
    return {
        name: 'backend jwt',
        apply(call) {
            const sub = call.subscription;
            if (sub === undefined)
                return;
            const jwt = signer.assertion(call.token, call.caller, call.api, sub, call.table.application(sub.applicationId));
            if (typeof jwt !== 'string')
                return wait(call, jwt);
            call.assertion = jwt;
            return;
        },
    };
}
//# sourceMappingURL=backend-jwt.js.map