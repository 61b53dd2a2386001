import type { FastifyInstance } from 'fastify';
import { adminAuditEvent, type AuditEvent } from '../audit/index.js';
import { badRequest, notFound } from '../http/api-error.js';
import { bool, obj, params } from '../http/route-schema.js';
import type { UserService } from '../identity/index.js';
import type { Application } from '../keymanager/index.js';

export interface AdminApplications {
  list(): Promise<readonly Application[]>;
  findById(id: string): Promise<Application | undefined>;
  setFirstParty(app: Application, firstParty: boolean): Promise<Application>;
}

/**
 * Every application, and the admin's first-party mark: the users of a first-party application
 * are not asked for consent on the Code grant's consent page (Keycloak's "Consent required"
 * off, WSO2's "skip consent").
 */
export function registerApplicationRoutes(
  app: FastifyInstance,
  deps: {
    applications: AdminApplications;
    users: UserService;
    audit: (event: AuditEvent) => void;
    now: () => number;
  },
): void {
  const view = async (a: Application) => ({
    id: a.id,
    name: a.name,
    owner: (await deps.users.findById(a.ownerId))?.username ?? null,
    grantTypes: a.grantTypes,
    callbackUrls: a.callbackUrls,
    publicClient: a.publicClient,
    firstParty: a.firstParty,
  });

  const listing = { summary: 'All applications with their grant types and first-party mark' };
  app.get('/applications', { schema: listing }, async () => ({
    list: await Promise.all((await deps.applications.list()).map(view)),
  }));

  const mark = {
    summary: 'Mark an application first-party (its users are not asked for consent) or not',
    params: params('id'),
    body: obj({ firstParty: bool }, ['firstParty']),
  };
  app.put('/applications/:id', { schema: mark }, async (req) => {
    const { id } = req.params as { id: string };
    const firstParty = (req.body as { firstParty?: unknown }).firstParty;
    if (typeof firstParty !== 'boolean') throw badRequest('"firstParty" is true or false.');
    const current = await deps.applications.findById(id);
    if (!current) throw notFound('No such application.');
    const updated = await deps.applications.setFirstParty(current, firstParty);
    deps.audit(
      adminAuditEvent(
        deps.now(),
        'application.first_party',
        null,
        req.principal?.username ?? 'unknown',
        `${firstParty ? 'marked' : 'unmarked'} ${updated.name}`,
      ),
    );
    return view(updated);
  });
}
