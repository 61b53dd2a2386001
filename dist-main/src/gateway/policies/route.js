import { ambiguousPath, noApi, notConfigured } from '../faults.js';
import { canonicalPath } from '../routing-table.js';
/**
 * Which API the request is for, decided on the path the backend will see (R47): 503 until a
 * configuration arrived, 400 for an ambiguous path, 404 where no API is served.
 */
export function route(sync) {
    return {
        name: 'route',
        apply(call) {
            const table = sync.table();
            if (!table)
                throw notConfigured();
            const target = canonicalPath(call.req.raw.url ?? '/');
            if (!target)
                throw ambiguousPath();
            const found = table.findApi(target.path);
            if (!found)
                throw noApi();
            call.table = table;
            call.path = target.path;
            call.query = target.query;
            call.compiled = found;
            call.api = found.api;
            call.rest = target.path.slice(found.api.path.length) || '/';
        },
    };
}
//# sourceMappingURL=route.js.map