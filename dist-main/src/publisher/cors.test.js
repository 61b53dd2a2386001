import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CORS } from '../config/index.js';
import { corsFromInput, corsView } from './cors.js';
import { CatalogError } from './errors.js';
describe("an API's corsConfiguration (Publisher REST)", () => {
    it('null keeps the Gateway defaults; absent fields take them', () => {
        assert.equal(corsFromInput(null), null);
        assert.deepEqual(corsFromInput({ accessControlAllowOrigins: ['https://spa.example'] }), {
            ...DEFAULT_CORS,
            allowOrigins: ['https://spa.example'],
        });
    });
    it('shows the settings in WSO2 names', () => {
        const s = corsFromInput({ corsConfigurationEnabled: false, accessControlMaxAge: 5 });
        assert.deepEqual(corsView(s), {
            corsConfigurationEnabled: false,
            accessControlAllowOrigins: ['*'],
            accessControlAllowCredentials: false,
            accessControlAllowHeaders: ['authorization', 'content-type', 'soapaction', 'apikey'],
            accessControlAllowMethods: ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'],
            accessControlMaxAge: 5,
        });
    });
    it('answers 400 with the field named for bad input', () => {
        const cases = [
            [
                { accessControlAllowCredentials: true },
                /^corsConfiguration\.accessControlAllowCredentials: credentials need/,
            ],
            [
                { accessControlAllowOrigins: 'https://a.example' },
                /^corsConfiguration\.accessControlAllowOrigins: a list/,
            ],
            [
                { accessControlAllowOrigins: ['https://a.example/x'] },
                /^corsConfiguration\.accessControlAllowOrigins: "https/,
            ],
            [{ accessControlMaxAge: -1 }, /^corsConfiguration\.accessControlMaxAge: whole seconds/],
            [{ accessControlMaxAge: '60' }, /^corsConfiguration\.accessControlMaxAge: whole seconds/],
            [{ allowOrigins: ['*'] }, /^corsConfiguration\.allowOrigins: unknown field/],
            [[], /^corsConfiguration: an object/],
        ];
        for (const [input, message] of cases) {
            assert.throws(() => corsFromInput(input), (err) => err instanceof CatalogError && err.status === 400 && message.test(err.message), JSON.stringify(input));
        }
    });
});
//# sourceMappingURL=cors.test.js.map