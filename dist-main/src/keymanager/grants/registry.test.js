import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SETTINGS } from '../../config/index.js';
import { GRANTS, GRANT_TYPES, findGrant } from './registry.js';
describe('the grant registry', () => {
    it('names each grant once, with a label and its parameters', () => {
        assert.equal(new Set(GRANT_TYPES).size, GRANTS.length);
        for (const g of GRANTS) {
            assert.match(g.name, /^[a-z_]+$/);
            assert.ok(g.label.length > 0, g.name);
            assert.ok(!g.parameters.includes('grant_type'), g.name);
            assert.equal(findGrant(g.name), g);
        }
        assert.equal(findGrant('implicit'), undefined);
    });
    it('gives every grant its deployment.toml switch, documented by the grant', () => {
        for (const g of GRANTS) {
            const setting = SETTINGS.find((s) => s.key === `oauth.grant_type.${g.name}.enable`);
            assert.deepEqual(setting, {
                key: `oauth.grant_type.${g.name}.enable`,
                type: { kind: 'boolean' },
                default: true,
                doc: g.doc,
            });
        }
        const defaults = SETTINGS.find((s) => s.key === 'oauth.application.default_grant_types');
        assert.deepEqual(defaults?.type, { kind: 'string-list', values: GRANT_TYPES });
    });
});
//# sourceMappingURL=registry.test.js.map