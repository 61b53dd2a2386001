import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { withLastKnownConfig } from './last-known-config.js';
import { RoutingTable } from './routing-table.js';
const down = {
    snapshot: () => Promise.reject(new Error('control plane down')),
    introspect: () => Promise.reject(new Error('control plane down')),
    jwks: () => Promise.reject(new Error('control plane down')),
    close: async () => { },
};
describe('last known configuration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-lkc-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    it('loads a file written before snapshots carried application policies: no application limit applies', async () => {
        // The snapshot.json of an older Gateway: no applicationPolicies, no applications.
        writeFileSync(join(dir, 'snapshot.json'), JSON.stringify({
            etag: '"old"',
            snapshot: {
                issuer: 'https://km',
                audience: 'https://gw',
                tiers: [{ name: 'Gold', requestsPerMinute: 5000 }],
                revokedJtis: [],
                subscriptions: [
                    {
                        apiId: 'a1',
                        applicationId: 'app',
                        consumerKey: 'ck',
                        environment: 'production',
                        tier: 'Gold',
                    },
                ],
                apis: [
                    {
                        id: 'a1',
                        name: 'Pizza',
                        version: '1',
                        path: '/pizza/1',
                        status: 'PUBLISHED',
                        productionUrl: 'http://p',
                        sandboxUrl: '',
                        resources: [{ method: 'GET', uriTemplate: '/menu', authType: 'oauth', scope: null }],
                    },
                ],
            },
        }));
        const saved = await withLastKnownConfig(down, dir).snapshot(undefined);
        assert.ok(saved);
        const table = new RoutingTable(saved.snapshot);
        assert.equal(table.match('GET', '/pizza/1/menu').kind, 'ok');
        assert.equal(table.subscription('a1', 'ck')?.tier, 'Gold');
        assert.equal(table.applicationLimit('app'), null);
    });
});
//# sourceMappingURL=last-known-config.test.js.map