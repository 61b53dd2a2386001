import { apiBlocked } from '../faults.js';
/** A BLOCKED API answers nobody: 503 700700. (CREATED and RETIRED APIs are not in the snapshot: 404.) */
export function apiState() {
    return {
        name: 'api state',
        apply(call) {
            if (call.api.status === 'BLOCKED')
                throw apiBlocked();
        },
    };
}
//# sourceMappingURL=api-state.js.map