import { badRequest } from '../http/api-error.js';
import { NO_STORE } from '../http/responses.js';
import { int, list, obj, oneOf, params, str } from '../http/route-schema.js';
import { GRANT_TYPES } from '../config/index.js';
import { ENVIRONMENTS, parseScope, } from '../keymanager/index.js';
import { environmentParam, jsonBody, ownedApplication } from './owned-application.js';
function grantTypesField(v) {
    if (v === undefined || v === null)
        return undefined;
    if (!Array.isArray(v) || !v.every((g) => typeof g === 'string'))
        throw badRequest('"grantTypes" is a list of grant type names.');
    if (v.length === 0)
        throw badRequest('Choose at least one grant type.');
    return v;
}
const grantTypes = { type: ['array', 'null'], items: oneOf(...GRANT_TYPES) };
const id = params('id');
const idEnv = params('id', 'env');
/**
 * The Production Keys and Sandbox Keys tabs: generate keys (with the grant types), change the
 * grant types, regenerate the secret, and generate an access token without the Token API.
 */
export function registerKeyRoutes(app, deps) {
    const base = '/applications/:id/keys';
    const { applications } = deps;
    const summary = 'Consumer keys of both environments and the grant types';
    app.get(base, { schema: { summary, params: id } }, async (req) => {
        const current = await ownedApplication(applications, req);
        const keys = {};
        for (const env of ENVIRONMENTS) {
            const key = await applications.findKeys(current, env);
            keys[env] = key ? { consumerKey: key.consumerKey, createdAt: key.createdAt } : null;
        }
        return { grantTypes: current.grantTypes, ...keys };
    });
    // Generate Keys: the secret is in this answer only (R15).
    const generate = {
        summary: 'Generate Keys (env = production | sandbox); the secret is shown once',
        params: idEnv,
        body: obj({ grantTypes }),
        successStatus: 201,
    };
    app.post(`${base}/:env`, { schema: generate }, async (req, reply) => {
        let current = await ownedApplication(applications, req);
        const env = environmentParam(req);
        const grantTypes = grantTypesField(jsonBody(req)['grantTypes']);
        if (grantTypes)
            current = await applications.update(current, { grantTypes });
        const keys = await applications.generateKeys(current, env);
        return reply
            .code(201)
            .headers(NO_STORE)
            .send({ ...keys, grantTypes: current.grantTypes });
    });
    // Grant types belong to the application: both key pairs follow them.
    const change = {
        summary: 'Change the grant types',
        params: idEnv,
        body: obj({ grantTypes }, ['grantTypes']),
    };
    app.put(`${base}/:env`, { schema: change }, async (req) => {
        const current = await ownedApplication(applications, req);
        environmentParam(req);
        const grantTypes = grantTypesField(jsonBody(req)['grantTypes']);
        if (!grantTypes)
            throw badRequest('"grantTypes" is required.');
        const updated = await applications.update(current, { grantTypes });
        return { grantTypes: updated.grantTypes };
    });
    const regenerate = {
        summary: 'New consumer secret; the old one and its tokens stop working',
        params: idEnv,
    };
    app.post(`${base}/:env/regenerate-secret`, { schema: regenerate }, async (req, reply) => {
        const current = await ownedApplication(applications, req);
        const keys = await applications.regenerateSecret(current, environmentParam(req));
        return reply.headers(NO_STORE).send(keys);
    });
    const token = {
        summary: 'Generate an access token (client credentials, subject = owner) without the Token API',
        params: idEnv,
        body: obj({ scopes: list(str()), validityPeriod: int() }),
    };
    app.post(`${base}/:env/token`, { schema: token }, async (req, reply) => {
        const current = await ownedApplication(applications, req);
        const env = environmentParam(req);
        const b = jsonBody(req);
        const scopes = b['scopes'] ?? [];
        if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string'))
            throw badRequest('"scopes" is a list of scope names.');
        const validity = b['validityPeriod'] ?? 3600;
        if (typeof validity !== 'number')
            throw badRequest('"validityPeriod" is a number of seconds.');
        let scope;
        try {
            scope = parseScope(scopes.join(' '));
        }
        catch {
            throw badRequest('A scope name contains an illegal character.');
        }
        const token = await deps.ownerToken({
            application: current,
            environment: env,
            scope,
            validity,
        });
        return reply.headers(NO_STORE).send(token);
    });
}
//# sourceMappingURL=key-routes.js.map