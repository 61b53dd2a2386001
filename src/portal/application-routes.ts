import type { FastifyInstance } from 'fastify';
import { badRequest } from '../http/api-error.js';
import type { ApplicationService } from '../keymanager/index.js';
import { applicationView, jsonBody, ownedApplication } from './owned-application.js';

const optionalString = (v: unknown, field: string): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`"${field}" must be a string.`);
  return v;
};

const tokenType = (v: unknown): 'jwt' | 'opaque' | undefined => {
  if (v === undefined || v === null) return undefined;
  if (v !== 'jwt' && v !== 'opaque') throw badRequest('"tokenType" is "jwt" or "opaque".');
  return v;
};

/** Developer Portal applications of the signed-in user: list, create, read, edit, delete. */
export function registerApplicationRoutes(
  app: FastifyInstance,
  deps: { applications: ApplicationService },
): void {
  const base = '/applications';
  const { applications } = deps;

  app.get(base, async (req) => ({
    list: (await applications.list(req.principal!.userId)).map(applicationView),
  }));

  app.post(base, async (req, reply) => {
    const b = jsonBody(req);
    const name = optionalString(b['name'], 'name');
    if (!name) throw badRequest('Enter a name for the application.');
    const description = optionalString(b['description'], 'description');
    const type = tokenType(b['tokenType']);
    const policy = optionalString(b['throttlingPolicy'], 'throttlingPolicy');
    const created = await applications.create({
      name,
      ownerId: req.principal!.userId,
      ...(description !== undefined ? { description } : {}),
      ...(type ? { tokenType: type } : {}),
      ...(policy !== undefined ? { throttlingPolicy: policy } : {}),
    });
    return reply.code(201).send(applicationView(created));
  });

  app.get(`${base}/:id`, async (req) => applicationView(await ownedApplication(applications, req)));

  app.put(`${base}/:id`, async (req) => {
    const current = await ownedApplication(applications, req);
    const b = jsonBody(req);
    const name = optionalString(b['name'], 'name');
    const description = optionalString(b['description'], 'description');
    const type = tokenType(b['tokenType']);
    const policy = optionalString(b['throttlingPolicy'], 'throttlingPolicy');
    const updated = await applications.update(current, {
      ...(name !== undefined ? { name } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(type ? { tokenType: type } : {}),
      ...(policy !== undefined ? { throttlingPolicy: policy } : {}),
    });
    return applicationView(updated);
  });

  app.delete(`${base}/:id`, async (req, reply) => {
    const current = await ownedApplication(applications, req);
    await applications.remove(current.ownerId, current.name);
    return reply.code(204).send();
  });
}
