import type { FastifyInstance } from 'fastify';
import { badRequest } from '../http/api-error.js';
import type { ApiService } from './api-service.js';
import { allowedActions, parseLifecycleAction } from './lifecycle.js';
import { gatewayPath, type Api } from './model.js';
import { resourcesFromOpenApi } from './openapi-import.js';

const OPENAPI_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/plain',
  'application/vnd.oai.openapi',
  'application/vnd.oai.openapi+json',
];

/** An API as the Publisher sees it, with its Gateway path and the lifecycle actions its state allows. */
export const apiView = (api: Api) => ({
  ...api,
  path: gatewayPath(api),
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

    scope.get('/apis', async () => {
      const list = (await apis.list()).map(apiView);
      return { count: list.length, list };
    });
    scope.post('/apis', async (req, reply) => {
      if (!req.body || typeof req.body !== 'object')
        throw badRequest('A JSON object describing the API is required.');
      return reply
        .code(201)
        .send(apiView(await apis.create(req.body as object, req.principal!.userId)));
    });
    scope.get<IdParams>('/apis/:id', async (req) => apiView(await apis.get(req.params.id)));
    scope.put<IdParams>('/apis/:id', async (req) => {
      if (!req.body || typeof req.body !== 'object')
        throw badRequest('A JSON object with the fields to change is required.');
      return apiView(await apis.update(req.params.id, req.body as object));
    });
    scope.delete<IdParams>('/apis/:id', async (req, reply) => {
      await apis.remove(req.params.id);
      return reply.code(204).send();
    });
    // WSO2: POST /apis/change-lifecycle?apiId=…&action=Publish; here per API, the action in the query or body.
    scope.post<IdParams & { Querystring: { action?: string } }>(
      '/apis/:id/lifecycle',
      async (req) => {
        const action = req.query.action ?? (req.body as { action?: unknown } | undefined)?.action;
        if (typeof action !== 'string')
          throw badRequest('action is required (publish, deprecate, block, retire).');
        return apiView(await apis.changeLifecycle(req.params.id, parseLifecycleAction(action)));
      },
    );
    scope.put<IdParams>('/apis/:id/openapi', async (req) => {
      const text = typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null);
      return apiView(await apis.setResources(req.params.id, resourcesFromOpenApi(text)));
    });
  });
}
