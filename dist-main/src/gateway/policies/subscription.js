import { notSubscribed } from '../faults.js';
/** The token's application is subscribed to the API (either environment): else 403 900908. */
export function subscription() {
    return {
        name: 'subscription',
        apply(call) {
            const caller = call.caller;
            if (caller === undefined)
                return;
            const found = call.table.subscription(call.api.id, caller.clientId);
            if (!found)
                throw notSubscribed();
            call.subscription = found;
        },
    };
}
//# sourceMappingURL=subscription.js.map