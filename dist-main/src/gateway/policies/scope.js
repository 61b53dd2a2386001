import { insufficientScope } from '../faults.js';
/** The token carries the resource's scope, if it has one: else 403 900910 (RFC 6750 §3.1 insufficient_scope, R44). */
export function scope() {
    return {
        name: 'scope',
        apply(call) {
            const caller = call.caller;
            if (caller === undefined)
                return;
            const required = call.resource.scope;
            if (required !== null && !caller.scopes.has(required))
                throw insufficientScope(required);
        },
    };
}
//# sourceMappingURL=scope.js.map