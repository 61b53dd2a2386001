import type { FastifyRequest } from 'fastify';
import { notFound } from '../http/api-error.js';
import type { Application, ApplicationService, Environment } from '../keymanager/index.js';
import { checkEnvironment } from '../keymanager/index.js';

/** The signed-in user's application named by `:id`; another user's is "not found" (no probing). */
export async function ownedApplication(
  applications: ApplicationService,
  req: FastifyRequest,
): Promise<Application> {
  const { id } = req.params as { id: string };
  const app = await applications.findById(id);
  if (!app || app.ownerId !== req.principal!.userId) throw notFound('No such application.');
  return app;
}

export const environmentParam = (req: FastifyRequest): Environment =>
  checkEnvironment((req.params as { env: string }).env);

export function applicationView(app: Application) {
  return {
    id: app.id,
    name: app.name,
    description: app.description,
    tokenType: app.tokenType,
    throttlingPolicy: app.throttlingPolicy,
    grantTypes: app.grantTypes,
    callbackUrls: app.callbackUrls,
    publicClient: app.publicClient,
    firstParty: app.firstParty,
    createdAt: app.createdAt,
  };
}

/** A JSON body as an object; anything else is treated as empty (each route checks its fields). */
export const jsonBody = (req: FastifyRequest): Record<string, unknown> =>
  req.body !== null && typeof req.body === 'object' && !Array.isArray(req.body)
    ? (req.body as Record<string, unknown>)
    : {};
