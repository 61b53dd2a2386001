import { throttled } from '../faults.js';
import { refuseOverLimit } from './over-limit.js';
/**
 * The subscription tier's requests per minute, counted per application and API: over it, 429
 * 900804 + Retry-After. WSO2 counts it before the application policy. An Unlimited tier is not
 * counted at all (no counter key is even built).
 */
export function tier(counter) {
    return {
        name: 'tier',
        apply(call) {
            const sub = call.subscription;
            if (sub === undefined)
                return;
            const limit = call.table.tiers.get(sub.tier) ?? null;
            if (limit === null)
                return;
            return refuseOverLimit(counter, `tier:${call.api.id}:${sub.applicationId}`, limit, throttled);
        },
    };
}
//# sourceMappingURL=tier.js.map