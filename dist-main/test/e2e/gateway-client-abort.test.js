// A client that goes away cancels the backend call: the Gateway must not keep a slow backend's
// socket busy until backend_timeout_ms for an answer nobody will read. And a backend that resets
// the connection mid-answer closes the client's connection, without a hang. Over real HTTPS, with
// an in-test backend that reports when its side of the request is closed.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { eventually } from '../helpers/gateway-setup.js';
import { call, startTestServer } from '../helpers/tollgate.js';
const BACKEND_TIMEOUT_MS = 20_000;
function startBackend() {
    const waiting = [];
    const onRequest = (req, res) => {
        const closed = new Promise((resolve) => res.on('close', () => resolve({ atMs: Date.now(), answered: res.writableFinished })));
        const url = req.url ?? '';
        if (url.endsWith('/ok'))
            res.end(JSON.stringify({ ok: true }));
        else if (url.endsWith('/stream')) {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.write('first chunk\n');
        }
        else if (url.endsWith('/reset-mid')) {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.write('partial\n', () => setTimeout(() => req.socket.destroy(), 100));
        }
        // '/slow' never answers: only the Gateway's backend timeout or a cancel ends it.
        waiting.shift()?.({ url, closed });
    };
    const server = createServer(onRequest);
    return {
        server,
        /** Resolves with the next request the backend receives. */
        next: () => new Promise((resolve) => waiting.push(resolve)),
        listen: () => new Promise((r) => server.listen(0, '127.0.0.1', () => r(server.address().port))),
    };
}
describe('Gateway: client aborts and backend resets', () => {
    let server;
    const backend = startBackend();
    const path = (p) => `${server.gateway}/abort/1.0.0${p}`;
    before(async () => {
        const port = await backend.listen();
        server = await startTestServer({
            settings: {
                'apim.gateway.backend_timeout_ms': BACKEND_TIMEOUT_MS,
                'apim.gateway.sync_interval_ms': 200,
            },
        });
        const s = server.services;
        const owner = await s.users.create({
            username: 'pub',
            password: 'publisher-password-1',
            roles: ['publisher'],
        });
        const resources = ['/ok', '/slow', '/stream', '/reset-mid'].map((uriTemplate) => ({
            method: 'GET',
            uriTemplate,
            authType: 'none',
        }));
        const api = await s.apis.create({
            name: 'Abort',
            context: '/abort',
            version: '1.0.0',
            productionUrl: `http://127.0.0.1:${port}`,
            resources,
        }, owner.id);
        await s.apis.changeLifecycle(api.id, 'publish');
        const ok = await eventually(() => call(server, path('/ok')), (r) => r.status === 200);
        assert.equal(ok.status, 200);
    });
    after(async () => {
        await server?.close();
        backend.server.closeAllConnections();
        await new Promise((r) => backend.server.close(r));
    });
    it('cancels the backend request when the client goes away before the answer', async () => {
        const seen = backend.next();
        const abort = new AbortController();
        const pending = request(path('/slow'), { dispatcher: server.dispatcher, signal: abort.signal });
        const slow = await seen;
        assert.equal(slow.url, '/slow');
        const abortedAt = Date.now();
        abort.abort();
        await assert.rejects(pending);
        const closed = await slow.closed;
        assert.equal(closed.answered, false);
        assert.ok(closed.atMs - abortedAt < 2_000, `backend request closed ${closed.atMs - abortedAt} ms after the client left`);
        assert.deepEqual((await call(server, path('/ok'))).json, { ok: true });
    });
    it('cancels the backend request when the client goes away in the middle of the answer', async () => {
        const seen = backend.next();
        const abort = new AbortController();
        const res = await request(path('/stream'), {
            dispatcher: server.dispatcher,
            signal: abort.signal,
        });
        assert.equal(res.statusCode, 200);
        const stream = await seen;
        for await (const chunk of res.body) {
            assert.equal(String(chunk), 'first chunk\n');
            break; // leaves the loop: the body is destroyed and the connection closed
        }
        const abortedAt = Date.now();
        abort.abort();
        const closed = await stream.closed;
        assert.equal(closed.answered, false);
        assert.ok(closed.atMs - abortedAt < 2_000, `backend request closed ${closed.atMs - abortedAt} ms after the client left`);
        assert.deepEqual((await call(server, path('/ok'))).json, { ok: true });
    });
    it('closes the client connection when the backend resets in the middle of the answer', async () => {
        const started = Date.now();
        const res = await request(path('/reset-mid'), { dispatcher: server.dispatcher });
        assert.equal(res.statusCode, 200);
        await assert.rejects(res.body.text());
        assert.ok(Date.now() - started < 5_000);
        assert.deepEqual((await call(server, path('/ok'))).json, { ok: true });
    });
});
//# sourceMappingURL=gateway-client-abort.test.js.map