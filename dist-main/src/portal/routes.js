import { requirePrincipal } from '../http/principal.js';
import { registerPortalApiRoutes } from './api-routes.js';
import { registerApplicationRoutes } from './application-routes.js';
import { registerInfoRoutes } from './info-routes.js';
import { registerKeyRoutes } from './key-routes.js';
import { registerRegisteredUsersRoutes } from './registered-users-routes.js';
import { registerSignupRoutes } from './signup-routes.js';
import { registerSubscriptionRoutes } from './subscription-routes.js';
export const DEVPORTAL_BASE = '/api/devportal/v1';
/**
 * The Developer Portal REST API, every route under /api/devportal/v1: what a visitor sees
 * before signing in (server info, self sign-up), and behind one sign-in check the catalog,
 * the caller's applications, keys, subscriptions and registered users.
 */
export function registerPortalRoutes(app, deps) {
    const { applications, users, now } = deps;
    app.register(async (portal) => {
        registerInfoRoutes(portal, { config: deps.config, settings: deps.settings });
        registerSignupRoutes(portal, {
            users,
            settings: deps.settings,
            attempts: deps.attempts,
            perHour: deps.signupsPerHour,
        });
        portal.register(async (scope) => {
            scope.addHook('preValidation', requirePrincipal(deps.resolvers));
            registerPortalApiRoutes(scope, {
                apis: deps.apis,
                tiers: deps.subscriptions.tiers,
                applicationPolicies: () => deps.config.applicationPolicies,
            });
            registerApplicationRoutes(scope, { applications });
            registerKeyRoutes(scope, { applications, ownerToken: deps.ownerToken });
            registerRegisteredUsersRoutes(scope, {
                applications,
                users,
                statistics: deps.statistics,
                now,
            });
            registerSubscriptionRoutes(scope, { subscriptions: deps.subscriptions });
        });
    }, { prefix: DEVPORTAL_BASE });
}
//# sourceMappingURL=routes.js.map