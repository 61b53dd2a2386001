import type { FastifyInstance } from 'fastify';
import type { Config, RuntimeSettings } from '../config/index.js';
import { ApiError, unauthorized } from '../http/api-error.js';
import { findPrincipal, requirePrincipal, type PrincipalResolver } from '../http/principal.js';
import type { UserService } from '../identity/index.js';
import type {
  ApplicationService,
  AuthorizationService,
  KeyManager,
  ScopeStore,
} from '../keymanager/index.js';
import type { ApiService } from '../publisher/index.js';
import type { HitCounter } from '../ratelimit/index.js';
import { registerPortalApiRoutes } from './api-routes.js';
import { gatewayUrl } from './gateway-url.js';
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
  /** Scope descriptions, for the APIs' OpenAPI definitions. */
  readonly scopes: Pick<ScopeStore, 'findMany'>;
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
 * before signing in (server info, self sign-up), the catalogue (visitors too while the admin's
 * anonymousCatalogue is on, as WSO2's anonymous mode), and behind one sign-in check the
 * caller's applications, keys, subscriptions and registered users.
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
      portal.register(async (catalogue) => {
        // A signed-in caller, or a visitor while the admin lets visitors browse. The pages'
        // "no session" 401 (and wrong credentials) make a visitor here too: the catalogue
        // shows them nothing a visitor does not see.
        catalogue.addHook('preValidation', async (req) => {
          const anonymous = async () => (await deps.settings.get()).anonymousCatalogue;
          let principal;
          try {
            principal = await findPrincipal(deps.resolvers, req);
          } catch (err) {
            if (!(err instanceof ApiError && err.status === 401 && (await anonymous()))) throw err;
          }
          if (principal) req.principal = principal;
          else if (!(await anonymous())) throw unauthorized('Sign in to see the APIs.');
        });
        registerPortalApiRoutes(catalogue, {
          apis: deps.apis,
          scopes: deps.scopes,
          tiers: deps.subscriptions.tiers,
          applicationPolicies: () => deps.config.applicationPolicies,
          gatewayUrl: gatewayUrl(deps.config),
          tokenUrl: `${gatewayUrl(deps.config)}/token`,
        });
      });
      portal.register(async (scope) => {
        scope.addHook('preValidation', requirePrincipal(deps.resolvers));
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
