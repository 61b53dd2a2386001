import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/api-error.js';
import { params } from '../http/route-schema.js';
import type { UserService } from '../identity/index.js';
import type { ApplicationService, AuthorizationService } from '../keymanager/index.js';

/**
 * "Authorized applications": the applications the signed-in user allowed through the Code
 * grant's consent page, and the revocation of that consent (which also revokes the tokens the
 * user gave the application), as Keycloak's account console.
 */
export function registerConsentRoutes(
  app: FastifyInstance,
  deps: {
    applications: ApplicationService;
    users: UserService;
    authorization: Pick<AuthorizationService, 'listConsents' | 'revokeConsent'>;
  },
): void {
  const summary =
    'Applications you allowed on the consent page (Code grant): name, owner, scopes, when';
  app.get('/consents', { schema: { summary } }, async (req) => {
    const consents = await deps.authorization.listConsents(req.principal!.userId);
    const list = [];
    for (const c of consents) {
      const application = await deps.applications.findById(c.applicationId);
      if (!application) continue;
      const owner = await deps.users.findById(application.ownerId);
      list.push({
        applicationId: application.id,
        applicationName: application.name,
        owner: owner?.username ?? null,
        scopes: c.scope,
        grantedAt: c.grantedAt,
      });
    }
    return { list };
  });

  const revoke = {
    summary:
      'Revoke your consent to an application: it asks again, and the tokens you gave it stop working',
    params: params('applicationId'),
    successStatus: 204,
  };
  app.delete('/consents/:applicationId', { schema: revoke }, async (req, reply) => {
    const { applicationId } = req.params as { applicationId: string };
    const application = await deps.applications.findById(applicationId);
    const userId = req.principal!.userId;
    if (!application || !(await deps.authorization.revokeConsent(userId, application)))
      throw notFound('You have not authorized this application.');
    return reply.code(204).send();
  });
}
