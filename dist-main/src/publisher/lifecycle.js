import { CatalogError } from './errors.js';
export const LIFECYCLE_ACTIONS = [
    'publish',
    'deprecate',
    'block',
    'retire',
];
// WSO2's default API lifecycle: Created → Published → Deprecated → Retired, and Blocked
// (re-published when unblocked). Retired is final.
const TRANSITIONS = {
    CREATED: { publish: 'PUBLISHED' },
    PUBLISHED: { deprecate: 'DEPRECATED', block: 'BLOCKED' },
    BLOCKED: { publish: 'PUBLISHED', deprecate: 'DEPRECATED', retire: 'RETIRED' },
    DEPRECATED: { retire: 'RETIRED', block: 'BLOCKED' },
    RETIRED: {},
};
export function parseLifecycleAction(raw) {
    const action = raw.toLowerCase().replace(/^re-?publish$/, 'publish');
    if (!LIFECYCLE_ACTIONS.includes(action))
        throw new CatalogError('invalid', `Unknown lifecycle action "${raw}" (one of ${LIFECYCLE_ACTIONS.join(', ')}).`);
    return action;
}
export function nextStatus(current, action) {
    const next = TRANSITIONS[current][action];
    if (!next)
        throw new CatalogError('conflict', `An API in state ${current} cannot be given the "${action}" action.`);
    return next;
}
/** The actions an API in this state accepts, in the order the Publisher shows them. */
export function allowedActions(current) {
    return LIFECYCLE_ACTIONS.filter((a) => TRANSITIONS[current][a] !== undefined);
}
//# sourceMappingURL=lifecycle.js.map