import { applicationThrottled } from '../faults.js';
import { refuseOverLimit } from './over-limit.js';
/**
 * The application throttling policy's requests per minute, counted per application and end user
 * across all APIs, as WSO2 does: over it, 429 900803 + Retry-After. Unlimited is not counted.
 */
export function applicationPolicy(counter) {
    return {
        name: 'application policy',
        apply(call) {
            const sub = call.subscription;
            if (sub === undefined)
                return;
            const limit = call.table.applicationLimit(sub.applicationId);
            if (limit === null)
                return;
            const key = `app:${sub.applicationId}:${call.caller.subject}`;
            return refuseOverLimit(counter, key, limit, applicationThrottled);
        },
    };
}
//# sourceMappingURL=application-policy.js.map