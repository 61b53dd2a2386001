// The order of the Gateway's checks is WSO2's; a refusal comes from the first check that fails.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CORS } from '../../config/cors.js';
import { gatewayPolicies } from './chain.js';
describe('Gateway policy chain', () => {
    it('runs the checks in order, the backend call last', () => {
        const names = gatewayPolicies({ proto: 'https', cors: DEFAULT_CORS }).map((p) => p.name);
        assert.deepEqual(names, [
            'route',
            'cors',
            'resource',
            'credentials',
            'validate',
            'subscription',
            'scope',
            'environment',
            'api state',
            'tier',
            'application policy',
            'proxy',
        ]);
    });
});
//# sourceMappingURL=chain.test.js.map