import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Api } from './model.js';
import { openApiDefinition } from './openapi-export.js';
import { resourcesFromOpenApi } from './openapi-import.js';

const api: Api = {
  id: 'a1',
  name: 'PizzaShack',
  context: '/pizzashack',
  version: '1.0.0',
  description: 'Pizzas to order',
  productionUrl: 'http://backend/prod',
  sandboxUrl: '',
  status: 'PUBLISHED',
  ownerId: 'u1',
  resources: [
    { method: 'GET', uriTemplate: '/menu', authType: 'none', scope: null },
    { method: 'POST', uriTemplate: '/order/{orderId}', authType: 'oauth', scope: 'update' },
    { method: 'DELETE', uriTemplate: '/order/{orderId}', authType: 'oauth', scope: null },
  ],
  cors: null,
  isDefaultVersion: false,
  createdAt: 0,
  updatedAt: 0,
};

describe('openApiDefinition', () => {
  const doc = openApiDefinition(api, {
    gatewayUrl: 'https://gw:8243',
    tokenUrl: 'https://gw:8243/token',
    scopeDescriptions: new Map([['update', 'Place and change orders']]),
  }) as any;

  it('describes each resource with its path parameters, scope and the Gateway as server', () => {
    assert.equal(doc.openapi, '3.0.3');
    assert.deepEqual(doc.info, {
      title: 'PizzaShack',
      version: '1.0.0',
      description: 'Pizzas to order',
    });
    assert.deepEqual(doc.servers, [{ url: 'https://gw:8243/pizzashack/1.0.0' }]);
    assert.deepEqual(Object.keys(doc.paths), ['/menu', '/order/{orderId}']);
    assert.deepEqual(Object.keys(doc.paths['/order/{orderId}']), ['post', 'delete']);
    const post = doc.paths['/order/{orderId}'].post;
    assert.deepEqual(post.parameters, [
      { name: 'orderId', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    assert.deepEqual(post.security, [{ default: ['update'] }]);
    assert.ok(post.requestBody);
    assert.deepEqual(doc.paths['/menu'].get.security, []);
    assert.deepEqual(doc.components.securitySchemes.default.flows.clientCredentials, {
      tokenUrl: 'https://gw:8243/token',
      scopes: { update: 'Place and change orders' },
    });
  });

  it('reads back as the same resources when imported into the Publisher', () => {
    assert.deepEqual(resourcesFromOpenApi(JSON.stringify(doc)), api.resources);
  });
});
