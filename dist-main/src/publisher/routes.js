import { requirePrincipal } from '../http/principal.js';
import { describeAccess } from '../http/route-schema.js';
import { registerPublisherApiRoutes } from './api-routes.js';
import { registerPublisherScopeRoutes } from './scope-routes.js';
export const PUBLISHER_BASE = '/api/publisher/v1';
/** Who may use the Publisher: administrators and API owners. */
export const PUBLISHER_ROLES = ['admin', 'publisher'];
/** The Publisher REST API: every route under /api/publisher/v1 (APIs, scopes), roles admin or publisher. */
export function registerPublisherRoutes(app, deps) {
    app.register(async (scope) => {
        scope.addHook('preValidation', requirePrincipal(deps.resolvers, { anyRole: PUBLISHER_ROLES }));
        describeAccess(scope, 'Requires the admin or publisher role (403 otherwise).');
        registerPublisherApiRoutes(scope, { apis: deps.apis });
        registerPublisherScopeRoutes(scope, { scopes: deps.scopes });
    }, { prefix: PUBLISHER_BASE });
}
//# sourceMappingURL=routes.js.map