import type { FastifyInstance } from 'fastify';
import { badRequest } from '../http/api-error.js';
import { list, obj, oneOf, params, query, str } from '../http/route-schema.js';
import type { ApiService } from './api-service.js';
import { CORS_CONFIGURATION_SCHEMA, corsView } from './cors.js';
import { allowedActions, parseLifecycleAction } from './lifecycle.js';
import { gatewayPath, type Api } from './model.js';

const OPENAPI_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/plain',
  'application/vnd.oai.openapi',
  'application/vnd.oai.openapi+json',
];

const resource = obj(
  {
    method: oneOf('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
    uriTemplate: str(),
    authType: oneOf('oauth', 'none'),
    scope: { type: ['string', 'null'] },
  },
  ['method', 'uriTemplate'],
);
const apiBody = obj({
  name: str(),
  context: str(),
  version: str(),
  description: str(),
  productionUrl: str(),
  sandboxUrl: str(),
  resources: list(resource),
  corsConfiguration: CORS_CONFIGURATION_SCHEMA,
  isDefaultVersion: {
    type: 'boolean',
    description:
      'The default version: the Gateway also serves it at the context alone (WSO2 "Make this the Default Version"); another version of the API stops being it',
  },
});
const id = params('id');

/** An API as the Publisher sees it, with its Gateway path and the lifecycle actions its state allows. */
export const apiView = ({ cors, ...api }: Api) => ({
  ...api,
  corsConfiguration: corsView(cors),
  path: gatewayPath(api),
  /** The default version is served at its context too (WSO2's default version URL). */
  defaultVersionPath: api.isDefaultVersion ? api.context : null,
  lifecycleActions: allowedActions(api.status),
});

/** Publisher REST: APIs, resources, lifecycle, OpenAPI import (roles admin or publisher). */
export function registerPublisherApiRoutes(app: FastifyInstance, deps: { apis: ApiService }): void {
  // An encapsulated scope: the OpenAPI document types are parsed here only.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      OPENAPI_TYPES,
      { parseAs: 'string', bodyLimit: 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    const { apis } = deps;
    type IdParams = { Params: { id: string } };

    const all = {
      summary:
        'All APIs, each with its Gateway path and the lifecycle actions its state allows (lifecycleActions)',
    };
    scope.get('/apis', { schema: all }, async () => {
      const list = (await apis.list()).map(apiView);
      return { count: list.length, list };
    });
    const create = { summary: 'Create an API (state CREATED)', body: apiBody, successStatus: 201 };
    scope.post('/apis', { schema: create }, async (req, reply) => {
      if (!req.body || typeof req.body !== 'object')
        throw badRequest('A JSON object describing the API is required.');
      return reply
        .code(201)
        .send(apiView(await apis.create(req.body as object, req.principal!.userId)));
    });
    scope.get<IdParams>('/apis/:id', { schema: { summary: 'One API', params: id } }, async (req) =>
      apiView(await apis.get(req.params.id)),
    );
    const update = {
      summary: 'Change description, backends, resources, CORS settings or the default version',
      params: id,
      body: apiBody,
    };
    scope.put<IdParams>('/apis/:id', { schema: update }, async (req) => {
      if (!req.body || typeof req.body !== 'object')
        throw badRequest('A JSON object with the fields to change is required.');
      return apiView(await apis.update(req.params.id, req.body as object));
    });
    const remove = {
      summary: 'Delete an API (409 while subscribed)',
      params: id,
      successStatus: 204,
    };
    scope.delete<IdParams>('/apis/:id', { schema: remove }, async (req, reply) => {
      await apis.remove(req.params.id);
      return reply.code(204).send();
    });
    // WSO2: POST /apis/change-lifecycle?apiId=…&action=Publish; here per API, the action in the query or body.
    scope.post<IdParams & { Querystring: { action?: string } }>(
      '/apis/:id/lifecycle',
      {
        schema: {
          summary:
            'Lifecycle action (publish, deprecate, block, retire; in the body or ?action=); 409 when the state does not allow it',
          params: id,
          querystring: query({ action: str() }),
          body: obj({ action: str({ description: 'publish, deprecate, block or retire' }) }),
        },
      },
      async (req) => {
        const action = req.query.action ?? (req.body as { action?: unknown } | undefined)?.action;
        if (typeof action !== 'string')
          throw badRequest('action is required (publish, deprecate, block, retire).');
        return apiView(await apis.changeLifecycle(req.params.id, parseLifecycleAction(action)));
      },
    );
    const importDoc = {
      summary:
        "Set the API's OpenAPI 3 definition (JSON or YAML): its operations replace the resources, and the Developer Portal shows the document (until the resources are edited)",
      params: id,
      // Documented as a string (the document's text); a JSON document arrives parsed.
      body: { type: ['string', 'object'] },
      consumes: ['application/yaml', 'application/json'],
    };
    scope.put<IdParams>('/apis/:id/openapi', { schema: importDoc }, async (req) => {
      const text = typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null);
      return apiView(await apis.setDefinition(req.params.id, text));
    });
  });
}
