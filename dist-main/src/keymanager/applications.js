import { randomUUID } from 'node:crypto';
import { GRANT_TYPES } from '../config/index.js';
import { ENVIRONMENTS } from './model.js';
import { hashSecret, newConsumerKey, newConsumerSecret } from './secrets.js';
/** A refused application operation; its message is written for the user (`expose`), `status` is its HTTP answer. */
export class ApplicationError extends Error {
    code;
    name = 'ApplicationError';
    expose = true;
    status;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.status = code === 'not_found' ? 404 : code === 'exists' ? 409 : 400;
    }
}
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u;
function checkGrantTypes(list) {
    const bad = list.find((g) => !GRANT_TYPES.includes(g));
    if (bad !== undefined)
        throw new ApplicationError('invalid_input', `Unknown grant type "${bad}" (allowed: ${GRANT_TYPES.join(', ')}).`);
    return [...new Set(list)];
}
function checkLifetime(v, what) {
    if (v === undefined || v === null)
        return null;
    if (!Number.isInteger(v) || v < 60 || v > 31536000)
        throw new ApplicationError('invalid_input', `The ${what} must be between 60 and 31536000 seconds.`);
    return v;
}
function checkName(raw) {
    const name = raw.trim();
    if (!NAME.test(name))
        throw new ApplicationError('invalid_input', 'An application name is 1 to 100 letters, digits, spaces and . _ -.');
    return name;
}
function checkThrottlingPolicy(policy, allowed) {
    if (!allowed.includes(policy)) {
        throw new ApplicationError('invalid_input', `Unknown throttling policy "${policy.slice(0, 64)}" (allowed: ${allowed.join(', ')}).`);
    }
    return policy;
}
export function checkEnvironment(env) {
    if (!ENVIRONMENTS.includes(env))
        throw new ApplicationError('invalid_input', 'The key environment is "production" or "sandbox".');
    return env;
}
/**
 * Applications, their production and sandbox key pairs, and their statistics. `throttlingPolicies`
 * are the names of [apim.throttling] application_policies ("Unlimited" among them).
 */
export function createApplicationService(deps) {
    const now = deps.now ?? Date.now;
    const { store } = deps;
    const checkPolicy = (policy) => checkThrottlingPolicy(policy, deps.throttlingPolicies);
    async function mustGet(ownerId, name) {
        const app = await store.findByOwnerAndName(ownerId, name);
        if (!app)
            throw new ApplicationError('not_found', `No application named "${name}" for this owner.`);
        return app;
    }
    return {
        async create(input) {
            const name = checkName(input.name);
            const app = {
                id: randomUUID(),
                name,
                ownerId: input.ownerId,
                description: (input.description ?? '').slice(0, 1000),
                tokenType: input.tokenType ?? deps.config.defaultTokenType,
                grantTypes: checkGrantTypes(input.grantTypes ?? deps.config.defaultGrantTypes),
                accessTokenLifetime: checkLifetime(input.accessTokenLifetime, 'access token lifetime'),
                refreshTokenLifetime: checkLifetime(input.refreshTokenLifetime, 'refresh token lifetime'),
                throttlingPolicy: checkPolicy(input.throttlingPolicy ?? 'Unlimited'),
                createdAt: now(),
            };
            await store.create(app);
            return app;
        },
        async update(app, changes) {
            const next = {
                ...app,
                ...(changes.name !== undefined ? { name: checkName(changes.name) } : {}),
                ...(changes.throttlingPolicy !== undefined
                    ? { throttlingPolicy: checkPolicy(changes.throttlingPolicy) }
                    : {}),
                ...(changes.description !== undefined
                    ? { description: changes.description.slice(0, 1000) }
                    : {}),
                ...(changes.tokenType !== undefined ? { tokenType: changes.tokenType } : {}),
                ...(changes.grantTypes !== undefined
                    ? { grantTypes: checkGrantTypes(changes.grantTypes) }
                    : {}),
                ...(changes.accessTokenLifetime !== undefined
                    ? {
                        accessTokenLifetime: checkLifetime(changes.accessTokenLifetime, 'access token lifetime'),
                    }
                    : {}),
                ...(changes.refreshTokenLifetime !== undefined
                    ? {
                        refreshTokenLifetime: checkLifetime(changes.refreshTokenLifetime, 'refresh token lifetime'),
                    }
                    : {}),
            };
            await store.update(next);
            return next;
        },
        get: mustGet,
        findById: (id) => store.findById(id),
        list: (ownerId) => store.list(ownerId),
        async remove(ownerId, name) {
            const app = await mustGet(ownerId, name);
            for (const env of ENVIRONMENTS) {
                const key = await store.findKey(app.id, env);
                if (key)
                    await deps.tokens.revokeClient(key.consumerKey, now());
            }
            await store.remove(app.id);
        },
        /** WSO2's "Generate Keys" on the Production or Sandbox Keys tab. */
        async generateKeys(app, environment) {
            if (await store.findKey(app.id, environment)) {
                throw new ApplicationError('exists', `The application already has ${environment} keys; regenerate the secret instead.`);
            }
            const consumerSecret = newConsumerSecret();
            const t = now();
            const key = {
                consumerKey: newConsumerKey(),
                applicationId: app.id,
                environment,
                secretHash: hashSecret(consumerSecret),
                createdAt: t,
            };
            await store.createKey(key);
            return { consumerKey: key.consumerKey, consumerSecret, environment };
        },
        findKeys: (app, environment) => store.findKey(app.id, environment),
        /** A new secret; the old one stops working at once and the key's tokens are revoked. */
        async regenerateSecret(app, environment) {
            const key = await store.findKey(app.id, environment);
            if (!key)
                throw new ApplicationError('not_found', `The application has no ${environment} keys yet; generate them first.`);
            const consumerSecret = newConsumerSecret();
            await store.updateSecret(key.consumerKey, hashSecret(consumerSecret), now());
            await deps.tokens.revokeClient(key.consumerKey, now());
            return { consumerKey: key.consumerKey, consumerSecret, environment };
        },
        /** "Registered Users for Application": users who obtained tokens with the password grant. */
        registeredUsers: (app) => deps.tokens.usersByGrant(app.id, 'password'),
    };
}
//# sourceMappingURL=applications.js.map