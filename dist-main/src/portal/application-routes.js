import { badRequest } from '../http/api-error.js';
import { obj, params } from '../http/route-schema.js';
import { applicationView, jsonBody, ownedApplication } from './owned-application.js';
const optionalString = (v, field) => {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'string')
        throw badRequest(`"${field}" must be a string.`);
    return v;
};
const tokenType = (v) => {
    if (v === undefined || v === null)
        return undefined;
    if (v !== 'jwt' && v !== 'opaque')
        throw badRequest('"tokenType" is "jwt" or "opaque".');
    return v;
};
const optional = { type: ['string', 'null'] };
const appBody = obj({
    name: optional,
    description: optional,
    tokenType: { enum: ['jwt', 'opaque', null] },
    throttlingPolicy: {
        ...optional,
        description: 'A name from GET /api/devportal/v1/throttling-policies/application (by default Unlimited, 50PerMin, 20PerMin, 10PerMin)',
    },
});
const id = params('id');
/** Developer Portal applications of the signed-in user: list, create, read, edit, delete. */
export function registerApplicationRoutes(app, deps) {
    const base = '/applications';
    const { applications } = deps;
    app.get(base, { schema: { summary: "The caller's applications" } }, async (req) => ({
        list: (await applications.list(req.principal.userId)).map(applicationView),
    }));
    app.post(base, { schema: { summary: 'Create an application', body: appBody, successStatus: 201 } }, async (req, reply) => {
        const b = jsonBody(req);
        const name = optionalString(b['name'], 'name');
        if (!name)
            throw badRequest('Enter a name for the application.');
        const description = optionalString(b['description'], 'description');
        const type = tokenType(b['tokenType']);
        const policy = optionalString(b['throttlingPolicy'], 'throttlingPolicy');
        const created = await applications.create({
            name,
            ownerId: req.principal.userId,
            ...(description !== undefined ? { description } : {}),
            ...(type ? { tokenType: type } : {}),
            ...(policy !== undefined ? { throttlingPolicy: policy } : {}),
        });
        return reply.code(201).send(applicationView(created));
    });
    app.get(`${base}/:id`, { schema: { summary: 'One application', params: id } }, async (req) => applicationView(await ownedApplication(applications, req)));
    app.put(`${base}/:id`, { schema: { summary: 'Edit an application', params: id, body: appBody } }, async (req) => {
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
    app.delete(`${base}/:id`, {
        schema: {
            summary: 'Delete an application (revokes its tokens)',
            params: id,
            successStatus: 204,
        },
    }, async (req, reply) => {
        const current = await ownedApplication(applications, req);
        await applications.remove(current.ownerId, current.name);
        return reply.code(204).send();
    });
}
//# sourceMappingURL=application-routes.js.map