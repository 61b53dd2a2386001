// Every management REST route, walked from the OpenAPI document the routes' own schemas make,
// gets what a hostile or careless client sends: parameters twice (Fastify makes them arrays),
// wrong JSON types, bad JSON, huge values, unknown fields. None may answer 5xx (R9), every
// refusal is JSON a person can read, and a parameter sent twice is a 400 (#11 item 8).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN } from '../protection/helpers.js';
import { call, startTestServer } from '../helpers/tollgate.js';
const JSON_TYPE = { 'content-type': 'application/json' };
const HUGE = 'x'.repeat(100_000);
/** A value of the wrong JSON type for a field of this schema. */
function wrongType(schema) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.includes('string'))
        return types.includes('object') ? 42 : { not: 'a string' };
    if (types.includes('array'))
        return 'not-a-list';
    if (types.includes('boolean') || types.includes('integer') || types.includes('number'))
        return 'not-a-value';
    return ['not', 'an', 'object'];
}
/** A readable refusal: JSON with a non-empty sentence in `description` or `error_description`. */
function assertReadable(label, r) {
    assert.ok(r.status < 500, `${label}: ${r.status} ${r.text.slice(0, 300)}`);
    if (r.status < 400)
        return;
    const body = r.json;
    const text = body?.description ?? body?.error_description;
    assert.ok(typeof text === 'string' && text.length > 0, `${label}: ${r.status} without a readable description: ${r.text.slice(0, 300)}`);
}
describe('hostile input on every management REST route', () => {
    let server;
    let paths;
    before(async () => {
        server = await startTestServer();
        paths = (await call(server, `${server.management}/api/openapi.json`)).json.paths;
    });
    after(() => server?.close());
    const operations = () => Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
    const urlOf = (path, value = 'hostile-id') => `${server.management}${path.replace(/\{[^}]+\}/g, encodeURIComponent(value))}`;
    const send = (method, url, body, headers = {}) => call(server, url, {
        method,
        headers: { authorization: ADMIN, ...(body !== undefined ? JSON_TYPE : {}), ...headers },
        ...(body !== undefined ? { body } : {}),
    });
    it('walks every route of the three REST surfaces and the session', () => {
        const all = operations().map((o) => `${o.method} ${o.path}`);
        assert.ok(all.length >= 40, `only ${all.length} operations described`);
        for (const prefix of [
            '/api/admin/v1/',
            '/api/devportal/v1/',
            '/api/publisher/v1/',
            '/api/session',
        ])
            assert.ok(all.some((o) => o.includes(prefix)), prefix);
    });
    it('answers a query parameter sent twice with 400, naming it, on every route', async () => {
        for (const { path, method, op } of operations()) {
            const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
            for (const name of [...names, 'unknownParameter']) {
                const r = await send(method, `${urlOf(path)}?${name}=a&${name}=b`);
                const label = `${method} ${path}?${name} twice`;
                assertReadable(label, r);
                assert.equal(r.status, 400, label);
                // A route's body is checked first: where it needs one, the answer may be about that.
                if (!op.requestBody)
                    assert.match(r.json.description, new RegExp(name), label);
            }
        }
    });
    it('the two requests of the report answer 400, not 500', async () => {
        for (const url of [
            '/api/devportal/v1/subscriptions?applicationId=a&applicationId=b',
            '/api/admin/v1/audit-events?since=1h&since=2h',
        ]) {
            const r = await send('GET', `${server.management}${url}`);
            assert.equal(r.status, 400, url);
            assert.equal(r.json.code, 400, url);
        }
    });
    it('never answers 5xx to huge or odd query values and path parameters', async () => {
        for (const { path, method, op } of operations()) {
            const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
            for (const name of names) {
                for (const value of [HUGE.slice(0, 6000), '%00', '../../etc/passwd', '-1', '1e309'])
                    assertReadable(`${method} ${path}?${name}=${value.slice(0, 20)}`, await send(method, `${urlOf(path)}?${name}=${encodeURIComponent(value)}`));
            }
            if (path.includes('{')) {
                for (const value of [HUGE.slice(0, 4000), '..', '%', "'; DROP TABLE users; --", '\u0000'])
                    assertReadable(`${method} ${path} with ${value.slice(0, 20)}`, await send(method, urlOf(path, value)));
            }
        }
    });
    it('never answers 5xx to bad JSON, wrong types, huge values or unknown fields in a body', async () => {
        for (const { path, method, op } of operations()) {
            const content = op.requestBody?.content ?? {};
            const schema = content['application/json']?.schema;
            if (!schema)
                continue;
            const url = urlOf(path);
            const bodies = [
                ['bad JSON', '{"name": '],
                ['a JSON string', '"just a string"'],
                ['a number', '42'],
                ['null', 'null'],
                ['an empty object', '{}'],
                ['an array', '[{"a": 1}]'],
                ['unknown fields', JSON.stringify({ unknownField: { deep: [1, 2, { x: null }] } })],
                ['nesting 2000 deep', '['.repeat(2000) + ']'.repeat(2000)],
            ];
            const fields = Object.entries(schema.properties ?? schema.items?.properties ?? {});
            const wrap = (value) => JSON.stringify(schema.type === 'array' ? [value] : value);
            for (const [field, fieldSchema] of fields) {
                bodies.push([`${field} of a wrong type`, wrap({ [field]: wrongType(fieldSchema) })]);
                bodies.push([`${field} huge`, wrap({ [field]: HUGE })]);
            }
            bodies.push([
                'every field of a wrong type',
                wrap(Object.fromEntries(fields.map(([f, s]) => [f, wrongType(s)]))),
            ]);
            for (const [what, body] of bodies) {
                const r = await send(method, url, body);
                assertReadable(`${method} ${path} with ${what}`, r);
                if (what.endsWith('of a wrong type'))
                    assert.equal(r.status, 400, `${method} ${path} with ${what}: ${r.text.slice(0, 200)}`);
            }
        }
    });
    it('never answers 5xx without credentials, or with a body of another type', async () => {
        for (const { path, method } of operations()) {
            const url = urlOf(path);
            assertReadable(`${method} ${path} signed out`, await call(server, url, { method }));
            if (method === 'GET' || method === 'DELETE')
                continue;
            for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])
                assertReadable(`${method} ${path} as ${type}`, await send(method, url, 'a=1&a=2', { 'content-type': type }));
        }
    });
    it('the OAuth endpoints refuse a parameter sent twice with 400 invalid_request', async () => {
        const form = { 'content-type': 'application/x-www-form-urlencoded' };
        for (const url of [
            `${server.management}/oauth2/token`,
            `${server.management}/oauth2/revoke`,
            `${server.management}/oauth2/introspect`,
            `${server.gateway}/token`,
        ]) {
            const r = await call(server, url, {
                method: 'POST',
                headers: form,
                body: 'grant_type=client_credentials&client_id=a&client_id=b&token=x&token=y',
            });
            assertReadable(url, r);
            assert.equal(r.status, 400, url);
            assert.equal(r.json.error, 'invalid_request', url);
        }
    });
});
//# sourceMappingURL=rest-hostile-input.test.js.map