import type { FastifyInstance } from 'fastify';
import { badRequest, notFound } from '../http/api-error.js';
import { parseRoles } from '../identity/index.js';
import { checkScopeName, type ScopeStore } from '../keymanager/index.js';

/** Publisher REST for the Key Manager's scopes and the roles that may be granted them. */
export function registerPublisherScopeRoutes(
  app: FastifyInstance,
  deps: { scopes: ScopeStore },
): void {
  app.register(async (scope) => {
    scope.get('/scopes', async () => {
      const list = await deps.scopes.list();
      return { count: list.length, list };
    });
    const upsert = async (name: unknown, body: unknown) => {
      const b = (body ?? {}) as { description?: unknown; roles?: unknown };
      if (typeof name !== 'string') throw badRequest('name is required.');
      if (b.roles !== undefined && !Array.isArray(b.roles))
        throw badRequest('roles: a list of role names.');
      const s = {
        name: checkScopeName(name),
        description: typeof b.description === 'string' ? b.description.slice(0, 1000) : '',
        roles: parseRoles((b.roles ?? []) as string[]),
      };
      await deps.scopes.upsert(s, Date.now());
      return s;
    };
    scope.post('/scopes', async (req, reply) =>
      reply
        .code(201)
        .send(await upsert((req.body as { name?: unknown } | undefined)?.name, req.body)),
    );
    scope.put<{ Params: { name: string } }>('/scopes/:name', async (req) =>
      upsert(req.params.name, req.body),
    );
    scope.delete<{ Params: { name: string } }>('/scopes/:name', async (req, reply) => {
      if (!(await deps.scopes.remove(req.params.name)))
        throw notFound(`No scope named "${req.params.name}".`);
      return reply.code(204).send();
    });
  });
}
