import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalPath, RoutingTable, templatePattern } from './routing-table.js';
const snapshot = {
    issuer: 'https://km',
    audience: 'https://gw',
    tiers: [{ name: 'Gold', requestsPerMinute: 5000 }],
    revokedJtis: ['j1'],
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
            version: '1.0.0',
            path: '/pizzashack/1.0.0',
            status: 'PUBLISHED',
            productionUrl: 'http://p',
            sandboxUrl: '',
            resources: [
                { method: 'GET', uriTemplate: '/menu', authType: 'oauth', scope: null },
                { method: 'POST', uriTemplate: '/order/{orderId}', authType: 'oauth', scope: 'update' },
                { method: 'GET', uriTemplate: '/files/*', authType: 'none', scope: null },
            ],
        },
        {
            id: 'a2',
            name: 'Deep',
            version: 'v1',
            path: '/pizzashack/1.0.0/deep/v1',
            status: 'PUBLISHED',
            productionUrl: 'http://d',
            sandboxUrl: '',
            resources: [{ method: 'GET', uriTemplate: '/', authType: 'none', scope: null }],
        },
    ],
};
describe('RoutingTable', () => {
    const table = new RoutingTable(snapshot);
    it('matches a URI template with parameters and wildcards below the API path', () => {
        const m = table.match('POST', '/pizzashack/1.0.0/order/42');
        assert.equal(m.kind, 'ok');
        assert.equal(m.kind === 'ok' && m.rest, '/order/42');
        assert.equal(table.match('GET', '/pizzashack/1.0.0/files/a/b.txt').kind, 'ok');
        assert.equal(table.match('GET', '/pizzashack/1.0.0/files').kind, 'ok');
    });
    it('prefers the longest API path', () => {
        const m = table.match('GET', '/pizzashack/1.0.0/deep/v1');
        assert.equal(m.kind === 'ok' && m.api.api.id, 'a2');
    });
    it('tells no API, no resource and wrong method apart', () => {
        assert.equal(table.match('GET', '/pizzashack/2.0.0/menu').kind, 'no_api');
        assert.equal(table.match('GET', '/pizzashack/1.0.0x/menu').kind, 'no_api');
        assert.equal(table.match('GET', '/pizzashack/1.0.0/order/42/x').kind, 'no_resource');
        assert.equal(table.match('GET', '/pizzashack/1.0.0/menu/').kind, 'no_resource');
        assert.deepEqual(table.match('GET', '/pizzashack/1.0.0/order/42'), {
            kind: 'method_not_allowed',
            api: table.match('GET', '/pizzashack/1.0.0/menu').api,
            allow: ['POST'],
        });
    });
    it('finds subscriptions by API and consumer key, tiers and revoked jti', () => {
        assert.equal(table.subscription('a1', 'ck')?.tier, 'Gold');
        assert.equal(table.subscription('a2', 'ck'), undefined);
        assert.equal(table.tiers.get('Gold'), 5000);
        assert.ok(table.revoked.has('j1'));
    });
    it("knows each subscribed application's limit per end user; unlimited when the policy is Unlimited, unknown or absent", () => {
        const withPolicies = new RoutingTable({
            ...snapshot,
            applicationPolicies: [
                { name: 'Unlimited', requestsPerMinute: null },
                { name: '10PerMin', requestsPerMinute: 10 },
            ],
            applications: [
                { id: 'app', throttlingPolicy: '10PerMin' },
                { id: 'free', throttlingPolicy: 'Unlimited' },
                { id: 'gone', throttlingPolicy: 'Removed' },
            ],
        });
        assert.equal(withPolicies.applicationLimit('app'), 10);
        assert.equal(withPolicies.applicationLimit('free'), null);
        assert.equal(withPolicies.applicationLimit('gone'), null);
        assert.equal(withPolicies.applicationLimit('other'), null);
        // A snapshot from an older control plane (or its last-known-config file) has neither field.
        assert.equal(table.applicationLimit('app'), null);
    });
});
describe('templatePattern and canonicalPath (R47)', () => {
    it('compiles templates', () => {
        assert.ok(templatePattern('/order/{id}').test('/order/1'));
        assert.ok(!templatePattern('/order/{id}').test('/order/1/2'));
        assert.ok(!templatePattern('/a.b').test('/aXb'));
        assert.ok(templatePattern('/').test('/'));
    });
    it('refuses ambiguous paths and keeps the query', () => {
        for (const bad of [
            '/a/../b',
            '/a/./b',
            '/a//b',
            '/a/%2e%2e/b',
            '/a%2Fb',
            '/a;x=1',
            '/a\\b',
            '/a/..',
        ]) {
            assert.equal(canonicalPath(bad), undefined, bad);
        }
        assert.deepEqual(canonicalPath('/a/b?x=1&y=%2F'), { path: '/a/b', query: '?x=1&y=%2F' });
    });
});
//# sourceMappingURL=routing-table.test.js.map