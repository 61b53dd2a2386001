import type { FastifyInstance } from 'fastify';
import type { Config, RuntimeSettings } from '../config/index.js';
import { requirePrincipal, type PrincipalResolver } from '../http/principal.js';
import type { UserService } from '../identity/index.js';
import type { ApplicationService, AuthorizationService, KeyManager } from '../keymanager/index.js';
import type { ApiService } from '../publisher/index.js';
import type { HitCounter } from '../ratelimit/index.js';
import { registerPortalApiRoutes } from './api-routes.js';
import { registerApplicationRoutes } from './application-routes.js';
import { registerConsentRoutes } from './consent-routes.js';
import { codeFlowEndpoints, registerInfoRoutes } from './info-routes.js';
import { registerKeyRoutes } from './key-routes.js';
import { registerRegisteredUsersRoutes } from './registered-users-routes.js';
import { registerSignupRoutes } from './signup-routes.js';
import type { IssuanceStatistics } from './store.js';
import { registerSubscriptionRoutes } from './subscription-routes.js';
import type { SubscriptionService } from './subscription-service.js';

export const DEVPORTAL_BASE = '/api/devportal/v1';

export interface PortalRouteDeps {
  /** Who is calling (web session, HTTP Basic); any signed-in user. */
  readonly resolvers: readonly PrincipalResolver[];
  readonly config: Config;
  readonly settings: RuntimeSettings;
  readonly users: UserService;
  readonly apis: ApiService;
  readonly applications: ApplicationService;
  readonly subscriptions: SubscriptionService;
  readonly ownerToken: KeyManager['ownerToken'];
  /** Consents given on the Code grant's consent page. */
  readonly authorization: Pick<AuthorizationService, 'listConsents' | 'revokeConsent'>;
  readonly statistics: IssuanceStatistics;
  /** Counts sign-ups per address (R50). */
  readonly attempts: HitCounter;
  readonly signupsPerHour: number;
  readonly now: () => number;
}

/**
 * The Developer Portal REST API, every route under /api/devportal/v1: what a visitor sees
 * before signing in (server info, self sign-up), and behind one sign-in check the catalog,
 * the caller's applications, keys, subscriptions and registered users.
 */
export function registerPortalRoutes(app: FastifyInstance, deps: PortalRouteDeps): void {
  const { applications, users, now } = deps;
  app.register(
    async (portal) => {
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
        registerKeyRoutes(scope, {
          applications,
          ownerToken: deps.ownerToken,
          endpoints: codeFlowEndpoints(deps.config),
        });
        registerRegisteredUsersRoutes(scope, {
          applications,
          users,
          statistics: deps.statistics,
          now,
        });
        registerSubscriptionRoutes(scope, { subscriptions: deps.subscriptions });
        registerConsentRoutes(scope, { applications, users, authorization: deps.authorization });
      });
    },
    { prefix: DEVPORTAL_BASE },
  );
}
