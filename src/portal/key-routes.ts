import type { FastifyInstance } from 'fastify';
import { badRequest } from '../http/api-error.js';
import { NO_STORE } from '../http/responses.js';
import { int, list, obj, oneOf, params, str } from '../http/route-schema.js';
import { GRANT_TYPES } from '../config/index.js';
import {
  codeFlowExample,
  ENVIRONMENTS,
  parseScope,
  type ApplicationService,
  type KeyManager,
} from '../keymanager/index.js';
import { environmentParam, jsonBody, ownedApplication } from './owned-application.js';

function grantTypesField(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((g) => typeof g === 'string'))
    throw badRequest('"grantTypes" is a list of grant type names.');
  if (v.length === 0) throw badRequest('Choose at least one grant type.');
  return v as string[];
}

const grantTypes = { type: ['array', 'null'], items: oneOf(...GRANT_TYPES) };
const callbackUrls = {
  type: ['array', 'null'],
  items: str({ maxLength: 2000 }),
  maxItems: 20,
  description:
    'Redirect URIs of the Code grant, compared exactly: https, loopback http (127.0.0.1, [::1]) or a reverse-domain private-use scheme',
};
const publicClient = {
  type: ['boolean', 'null'],
  description:
    'A browser or native app without a secret: client_id alone for the Code grant (PKCE) and refresh',
};
const keyConfig = obj({ grantTypes, callbackUrls, publicClient });

/** The key configuration fields of a Generate Keys or update body (absent = unchanged). */
function keyConfigFields(body: Record<string, unknown>) {
  const grants = grantTypesField(body['grantTypes']);
  const urls = body['callbackUrls'];
  const isPublic = body['publicClient'];
  return {
    ...(grants ? { grantTypes: grants } : {}),
    ...(Array.isArray(urls) ? { callbackUrls: urls as string[] } : {}),
    ...(typeof isPublic === 'boolean' ? { publicClient: isPublic } : {}),
  };
}

/** What the keys tab shows besides the keys: the application's key configuration. */
const configView = (app: {
  grantTypes: readonly string[];
  callbackUrls: readonly string[];
  publicClient: boolean;
}) => ({
  grantTypes: app.grantTypes,
  callbackUrls: app.callbackUrls,
  publicClient: app.publicClient,
});
const id = params('id');
const idEnv = params('id', 'env');

/**
 * The Production Keys and Sandbox Keys tabs: generate keys (with the grant types), change the
 * grant types, regenerate the secret, and generate an access token without the Token API.
 */
export function registerKeyRoutes(
  app: FastifyInstance,
  deps: {
    applications: ApplicationService;
    ownerToken: KeyManager['ownerToken'];
    /** The authorization endpoint and Token API URLs of the Code flow example. */
    endpoints: { authorization: string; token: string };
  },
): void {
  const base = '/applications/:id/keys';
  const { applications } = deps;

  const summary = 'Consumer keys of both environments and the grant types';
  app.get(base, { schema: { summary, params: id } }, async (req) => {
    const current = await ownedApplication(applications, req);
    const keys: Record<string, unknown> = {};
    for (const env of ENVIRONMENTS) {
      const key = await applications.findKeys(current, env);
      const codeFlow = key && codeFlowExample(current, key.consumerKey, deps.endpoints);
      keys[env] = key
        ? {
            consumerKey: key.consumerKey,
            createdAt: key.createdAt,
            ...(codeFlow ? { codeFlow } : {}),
          }
        : null;
    }
    return { ...configView(current), ...keys };
  });

  // Generate Keys: the secret is in this answer only (R15).
  const generate = {
    summary:
      'Generate Keys (env = production | sandbox) with grant types, callback URLs and client type; the secret is shown once',
    params: idEnv,
    body: keyConfig,
    successStatus: 201,
  };
  app.post(`${base}/:env`, { schema: generate }, async (req, reply) => {
    let current = await ownedApplication(applications, req);
    const env = environmentParam(req);
    const changes = keyConfigFields(jsonBody(req));
    if (Object.keys(changes).length > 0) current = await applications.update(current, changes);
    const keys = await applications.generateKeys(current, env);
    const codeFlow = codeFlowExample(current, keys.consumerKey, deps.endpoints);
    return reply
      .code(201)
      .headers(NO_STORE)
      .send({ ...keys, ...configView(current), ...(codeFlow ? { codeFlow } : {}) });
  });

  // The key configuration belongs to the application: both key pairs follow it.
  const change = {
    summary: 'Change the grant types, callback URLs or client type (absent fields are unchanged)',
    params: idEnv,
    body: keyConfig,
  };
  app.put(`${base}/:env`, { schema: change }, async (req) => {
    const current = await ownedApplication(applications, req);
    environmentParam(req);
    const changes = keyConfigFields(jsonBody(req));
    if (Object.keys(changes).length === 0)
      throw badRequest('Send "grantTypes", "callbackUrls" or "publicClient".');
    const updated = await applications.update(current, changes);
    return configView(updated);
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
    if (typeof validity !== 'number') throw badRequest('"validityPeriod" is a number of seconds.');
    let scope: string[];
    try {
      scope = parseScope(scopes.join(' '));
    } catch {
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
