import { methodNotAllowed, noResource } from '../faults.js';
/** The API's resource for the method and path: else 404 900906 (no resource on the path) or 405 with Allow. */
export function resource() {
    return {
        name: 'resource',
        apply(call) {
            const table = call.table;
            const compiled = call.compiled;
            const found = table.findResource(compiled, call.req.method, call.rest);
            if (found) {
                call.resource = found;
                return;
            }
            const allow = table.methodsOn(compiled, call.rest);
            throw allow.length === 0 ? noResource() : methodNotAllowed(allow);
        },
    };
}
//# sourceMappingURL=resource.js.map