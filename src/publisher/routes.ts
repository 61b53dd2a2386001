import type { FastifyInstance } from 'fastify';
import { requirePrincipal, type PrincipalResolver } from '../http/principal.js';
import { describeAccess } from '../http/route-schema.js';
import type { ScopeStore } from '../keymanager/index.js';
import { registerPublisherApiRoutes } from './api-routes.js';
import type { ApiService } from './api-service.js';
import { registerPublisherScopeRoutes } from './scope-routes.js';

export const PUBLISHER_BASE = '/api/publisher/v1';
/** Who may use the Publisher: administrators and API owners. */
export const PUBLISHER_ROLES = ['admin', 'publisher'] as const;

export interface PublisherRouteDeps {
  /** Who is calling (web session, HTTP Basic); roles admin or publisher get further. */
  readonly resolvers: readonly PrincipalResolver[];
  readonly apis: ApiService;
  readonly scopes: ScopeStore;
}

/** The Publisher REST API: every route under /api/publisher/v1 (APIs, scopes), roles admin or publisher. */
export function registerPublisherRoutes(app: FastifyInstance, deps: PublisherRouteDeps): void {
  app.register(
    async (scope) => {
      scope.addHook(
        'preValidation',
        requirePrincipal(deps.resolvers, { anyRole: PUBLISHER_ROLES }),
      );
      describeAccess(scope, 'Requires the admin or publisher role (403 otherwise).');
      registerPublisherApiRoutes(scope, { apis: deps.apis });
      registerPublisherScopeRoutes(scope, { scopes: deps.scopes });
    },
    { prefix: PUBLISHER_BASE },
  );
}
