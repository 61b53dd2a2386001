import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CatalogError } from './errors.js';
import { resourcesFromOpenApi } from './openapi-import.js';
describe('resourcesFromOpenApi', () => {
    it('reads each path and operation of an OpenAPI 3 YAML document, with scopes and unauthenticated operations', () => {
        const yaml = [
            'openapi: 3.0.3',
            'info: {title: PizzaShack, version: 1.0.0}',
            'security: [{oauth: [read]}]',
            'paths:',
            '  /menu:',
            '    get: {responses: {"200": {description: ok}}}',
            '  /order/{orderId}:',
            '    post: {security: [{oauth: [update]}], responses: {"200": {description: ok}}}',
            '    parameters: [{name: orderId, in: path, required: true}]',
            '  /health:',
            '    get: {security: [], responses: {"200": {description: ok}}}',
        ].join('\n');
        assert.deepEqual(resourcesFromOpenApi(yaml), [
            { method: 'GET', uriTemplate: '/menu', authType: 'oauth', scope: 'read' },
            { method: 'POST', uriTemplate: '/order/{orderId}', authType: 'oauth', scope: 'update' },
            { method: 'GET', uriTemplate: '/health', authType: 'none', scope: null },
        ]);
    });
    it('reads JSON and refuses Swagger 2 and garbage', () => {
        assert.deepEqual(resourcesFromOpenApi('{"openapi":"3.1.0","paths":{"/":{"get":{}}}}'), [
            { method: 'GET', uriTemplate: '/', authType: 'oauth', scope: null },
        ]);
        assert.throws(() => resourcesFromOpenApi('{"swagger":"2.0","paths":{}}'), CatalogError);
        assert.throws(() => resourcesFromOpenApi('{nope'), CatalogError);
    });
});
//# sourceMappingURL=openapi-import.test.js.map