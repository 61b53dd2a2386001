// What the Gateway passes between a client and a backend: headers each way, bodies, and its
// answer when the backend call fails. In process, with a real backend on loopback.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SESSION_COOKIE } from '../http/cookies.js';
import { backendFault } from './proxy.js';
import { activeToken, echo, startTestGateway } from './testing.js';
const BEARER = { authorization: 'Bearer opaque-token-1' };
describe('Gateway proxy: cookies', () => {
    let gw;
    before(async () => {
        gw = await startTestGateway({
            tokens: { 'opaque-token-1': activeToken() },
            backend: (req, res, body) => {
                if (req.url?.endsWith('/items?set-own-cookie'))
                    res.setHeader('set-cookie', `${SESSION_COOKIE}=chosen-by-the-backend; Path=/`);
                if (req.url?.endsWith('/items?set-cookies')) {
                    res.setHeader('set-cookie', [
                        `${SESSION_COOKIE}=chosen-by-the-backend; Path=/; Secure; HttpOnly`,
                        'cart=42; Path=/',
                        ` __Secure-tollgate-csrf=x; Secure`,
                        'theme=dark',
                    ]);
                }
                echo(req, res, body);
            },
        });
    });
    after(() => gw.close());
    it("does not forward Tollgate's own cookies to the backend, and keeps the others (RFC 6265 §8.5)", async () => {
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            headers: {
                ...BEARER,
                cookie: `cart=42; ${SESSION_COOKIE}=the-admin-session; theme=dark; tollgate-other=1`,
            },
        });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().headers.cookie, 'cart=42; theme=dark');
    });
    it('sends no Cookie header when only Tollgate cookies were sent', async () => {
        const r = await gw.app.inject({
            url: '/shop/1.0/items',
            headers: { ...BEARER, cookie: `${SESSION_COOKIE}=the-admin-session` },
        });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().headers.cookie, undefined);
    });
    it("passes the backend's cookies but never one with a Tollgate cookie name (session fixation)", async () => {
        const r = await gw.app.inject({ url: '/shop/1.0/items?set-cookies', headers: BEARER });
        assert.equal(r.statusCode, 200, r.body);
        assert.deepEqual(r.headers['set-cookie'], ['cart=42; Path=/', 'theme=dark']);
    });
    it('sends no Set-Cookie when the only one set a Tollgate cookie', async () => {
        const r = await gw.app.inject({ url: '/shop/1.0/items?set-own-cookie', headers: BEARER });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.headers['set-cookie'], undefined);
    });
});
describe('Gateway proxy: request bodies and backend failures', () => {
    let gw;
    before(async () => {
        gw = await startTestGateway({
            tokens: { 'opaque-token-1': activeToken() },
            backend: (req, res, body) => {
                if (req.url?.includes('reset'))
                    req.socket.destroy();
                else if (req.url?.includes('garbage'))
                    req.socket.end('HTTP/1.1 abc def\r\n\r\n');
                else
                    echo(req, res, body);
            },
        });
    });
    after(() => gw.close());
    it('passes a body sent with Expect: 100-continue (curl over 1 MiB) without forwarding Expect (RFC 9110 §10.1.1)', async () => {
        const payload = 'x'.repeat(2 * 1024 * 1024);
        const r = await gw.app.inject({
            method: 'POST',
            url: '/shop/1.0/orders',
            headers: { ...BEARER, expect: '100-continue', 'content-type': 'application/octet-stream' },
            payload,
        });
        assert.equal(r.statusCode, 200, r.body);
        const seen = r.json();
        assert.equal(seen.body.length, payload.length);
        assert.equal(seen.headers.expect, undefined);
    });
    it('answers 502 101505 "closed the connection" when the backend resets it', async () => {
        const r = await gw.app.inject({ url: '/shop/1.0/open?reset' });
        assert.equal(r.statusCode, 502);
        assert.deepEqual(r.json(), {
            code: 101505,
            message: 'Bad Gateway',
            description: 'The backend service closed the connection without a complete answer.',
        });
    });
    it('answers 502 101506 when the backend answers something that is not HTTP', async () => {
        const r = await gw.app.inject({ url: '/shop/1.0/open?garbage' });
        assert.equal(r.statusCode, 502);
        assert.deepEqual(r.json(), {
            code: 101506,
            message: 'Bad Gateway',
            description: 'The backend service answered with a malformed HTTP response.',
        });
    });
});
describe('backendFault', () => {
    it('does not blame the backend for a request the HTTP client refused to send', () => {
        const err = backendFault(Object.assign(new Error('not supported'), { code: 'UND_ERR_NOT_SUPPORTED' }));
        assert.equal(err.status, 502);
        assert.equal(err.code, 101500);
        assert.equal(err.description, 'The Gateway could not send the request to the backend service.');
    });
});
//# sourceMappingURL=proxy.test.js.map