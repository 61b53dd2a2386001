import { badRequest, notFound } from '../http/api-error.js';
import { list, obj, params, str } from '../http/route-schema.js';
import { parseRoles } from '../identity/index.js';
import { checkScopeName } from '../keymanager/index.js';
/** Publisher REST for the Key Manager's scopes and the roles that may be granted them. */
export function registerPublisherScopeRoutes(app, deps) {
    app.register(async (scope) => {
        const listed = { summary: 'Scopes and the roles they are granted to' };
        scope.get('/scopes', { schema: listed }, async () => {
            const list = await deps.scopes.list();
            return { count: list.length, list };
        });
        const upsert = async (name, body) => {
            const b = (body ?? {});
            if (typeof name !== 'string')
                throw badRequest('name is required.');
            if (b.roles !== undefined && !Array.isArray(b.roles))
                throw badRequest('roles: a list of role names.');
            const s = {
                name: checkScopeName(name),
                description: typeof b.description === 'string' ? b.description.slice(0, 1000) : '',
                roles: parseRoles((b.roles ?? [])),
            };
            await deps.scopes.upsert(s, Date.now());
            return s;
        };
        const create = {
            summary: 'Create (or replace) a scope',
            body: obj({ name: str(), description: str(), roles: list(str()) }),
            successStatus: 201,
        };
        scope.post('/scopes', { schema: create }, async (req, reply) => reply
            .code(201)
            .send(await upsert(req.body?.name, req.body)));
        const name = params('name');
        const change = {
            summary: 'Change the description and roles of a scope',
            params: name,
            body: obj({ description: str(), roles: list(str()) }),
        };
        scope.put('/scopes/:name', { schema: change }, async (req) => upsert(req.params.name, req.body));
        const remove = { summary: 'Delete a scope', params: name, successStatus: 204 };
        scope.delete('/scopes/:name', { schema: remove }, async (req, reply) => {
            if (!(await deps.scopes.remove(req.params.name)))
                throw notFound(`No scope named "${req.params.name}".`);
            return reply.code(204).send();
        });
    });
}
//# sourceMappingURL=scope-routes.js.map