// An API's context must be a plain path of its own: no dot segments (RFC 3986 §3.3, "." and
// ".."), not inside or around another API's context (the Gateway routes by the longest path,
// so one API would take over part of another's), and not a path Tollgate answers itself
// (/token, /oauth2, /api, ...). Each is a 400 that says why, at create and update, over REST
// and in the CLI.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tollgate, writeDeploymentToml } from '../helpers/process.js';
import { basic, call, startTestServer } from '../helpers/tollgate.js';
const ADMIN = basic('admin', 'Admin-Password-For-Tests');
describe('Publisher API contexts', () => {
    let server;
    const url = () => `${server.management}/api/publisher/v1/apis`;
    const create = (fields) => call(server, url(), {
        method: 'POST',
        headers: { authorization: ADMIN, 'content-type': 'application/json' },
        body: JSON.stringify({
            name: `Api${Math.random().toString(36).slice(2, 8)}`,
            version: '1.0.0',
            productionUrl: 'http://127.0.0.1:9/',
            ...fields,
        }),
    });
    before(async () => {
        server = await startTestServer();
        assert.equal((await create({ name: 'Shop', context: '/shop' })).status, 201);
    });
    after(() => server?.close());
    it('refuses dot segments', async () => {
        for (const context of ['/../admin', '/shop/../x', '/./x', '/a/..', '/...']) {
            const r = await create({ context });
            assert.equal(r.status, 400, context);
            assert.match(r.json.description, /^context: .* has a "\." or "\.\." segment/, context);
        }
    });
    it('refuses the paths Tollgate answers itself, whatever the case', async () => {
        for (const context of [
            '/token',
            '/revoke',
            '/oauth2',
            '/OAuth2/token',
            '/api',
            '/api/devportal',
            '/internal',
            '/health',
            '/metrics',
            '/.well-known',
            '/devportal',
            '/publisher',
            '/admin',
            '/static',
        ]) {
            const r = await create({ context });
            assert.equal(r.status, 400, context);
            assert.match(r.json.description, /is reserved by Tollgate itself/, context);
        }
    });
    it("refuses a context inside another API's path or around it, and accepts another version", async () => {
        const inside = await create({ context: '/shop/1.0.0' });
        assert.deepEqual([inside.status, inside.json.description], [
            400,
            'context: "/shop/1.0.0" overlaps the context "/shop" of the API Shop; one context may not lie inside another.',
        ]);
        assert.equal((await create({ context: '/shop/extra' })).status, 400);
        assert.equal((await create({ name: 'Inner', context: '/outer/inner' })).status, 201);
        const around = await create({ context: '/outer' });
        assert.deepEqual([around.status, around.json.description], [
            400,
            'context: "/outer" overlaps the context "/outer/inner" of the API Inner; one context may not lie inside another.',
        ]);
        assert.equal((await create({ name: 'Shop', context: '/shop', version: '2.0.0' })).status, 201);
        assert.equal((await create({ context: '/shopping' })).status, 201);
    });
    it('refuses a changed context at update with a clear reason, and accepts the API sent back as it is', async () => {
        const created = await create({ name: 'Editable', context: '/editable' });
        const put = (body) => call(server, `${url()}/${created.json.id}`, {
            method: 'PUT',
            headers: { authorization: ADMIN, 'content-type': 'application/json' },
            body: JSON.stringify(body),
        });
        const dots = await put({ context: '/../admin' });
        assert.deepEqual([dots.status, dots.json.description], [400, 'context: "/../admin" has a "." or ".." segment; use plain names.']);
        const reserved = await put({ context: '/token' });
        assert.equal(reserved.status, 400);
        assert.match(reserved.json.description, /reserved/);
        const moved = await put({ context: '/elsewhere' });
        assert.deepEqual([moved.status, moved.json.description], [
            400,
            'context: fixed once the API is created (it is "/editable"); create a new API or version instead.',
        ]);
        const same = await put({ ...created.json, description: 'now described' });
        assert.equal(same.status, 200, same.text);
        assert.equal(same.json.description, 'now described');
    });
});
describe('tollgate api create refuses the same contexts', () => {
    const home = mkdtempSync(join(tmpdir(), 'tollgate-ctx-'));
    before(() => {
        writeDeploymentToml(home, '[log]\nlevel = "warn"\n');
        const admin = tollgate(home, ...['user', 'add', 'admin', '--password', 'Admin-Password-For-Tests', '--roles', 'admin']);
        assert.equal(admin.status, 0, admin.stderr);
    });
    after(() => rmSync(home, { recursive: true, force: true }));
    const apiCreate = (name, context) => tollgate(home, ...['api', 'create', name, '--context', context, '--version', '1.0.0'], ...['--production', 'http://127.0.0.1:9']);
    it('prints one sentence and exits 1', () => {
        assert.equal(apiCreate('Shop', '/shop').status, 0);
        const dots = apiCreate('Dots', '/../admin');
        assert.deepEqual([dots.status, dots.stderr.trim()], [1, 'tollgate: context: "/../admin" has a "." or ".." segment; use plain names.']);
        const reserved = apiCreate('Tok', '/oauth2');
        assert.deepEqual([reserved.status, reserved.stderr.trim()], [1, 'tollgate: context: "/oauth2" is reserved by Tollgate itself; choose another context.']);
        const nested = apiCreate('Nested', '/shop/1.0.0');
        assert.equal(nested.status, 1);
        assert.match(nested.stderr, /overlaps the context "\/shop" of the API Shop/);
    });
});
//# sourceMappingURL=publisher-contexts.test.js.map