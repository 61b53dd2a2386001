// R7 / R57: bodies over the limit are refused with 413 (RFC 9110 §15.5.14 "Content Too
// Large"), and the client must be able to read that answer. A server that answers and closes
// while the client is still uploading makes the kernel reset the connection, and the reset
// throws away the answer the client had not read yet (RFC 9112 §9.6: a server "SHOULD NOT
// close both directions of the connection" while the client may still be sending). Each case
// runs several times over real HTTPS with a client that behaves as curl does for a large body:
// it sends `Expect: 100-continue`, uploads once the server says 100 Continue (RFC 9110
// §10.1.1), and gives up on a failed write; with a Content-Length and chunked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connect } from 'node:tls';
import { basic, startTestServer } from '../helpers/tollgate.js';
describe('oversized bodies get a readable 413, then a graceful close', () => {
    let server;
    let ca;
    before(async () => {
        server = await startTestServer();
        ca = readFileSync(join(server.home, 'data', 'tls', 'cert.pem'), 'utf8');
    });
    after(() => server?.close());
    /** Sends one request, its body after the 100 Continue; collects everything until the server closes. */
    function exchange(port, path, headers, body, chunked) {
        return new Promise((resolve) => {
            const socket = connect({ host: '127.0.0.1', port, ca, servername: 'localhost' }, () => {
                const lines = [
                    `POST ${path} HTTP/1.1`,
                    'Host: localhost',
                    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
                    chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`,
                ];
                socket.write(`${lines.join('\r\n')}\r\nExpect: 100-continue\r\n\r\n`);
            });
            const upload = () => {
                if (!chunked)
                    socket.write(body);
                else {
                    for (let at = 0; at < body.length; at += 16_384) {
                        const part = body.subarray(at, at + 16_384);
                        socket.write(`${part.length.toString(16)}\r\n`);
                        socket.write(part);
                        socket.write('\r\n');
                    }
                    socket.write('0\r\n\r\n');
                }
            };
            const received = [];
            let error;
            socket.on('data', (d) => {
                received.push(d);
                if (received.length === 1 && d.toString('latin1').startsWith('HTTP/1.1 100 '))
                    upload();
            });
            // As curl: a write that fails (the server reset the connection) ends the exchange.
            socket.on('error', (err) => {
                error = err.code ?? err.message;
                socket.destroy();
            });
            socket.on('close', () => {
                const text = Buffer.concat(received)
                    .toString('utf8')
                    .replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, '');
                const split = text.indexOf('\r\n\r\n');
                resolve({
                    head: split < 0 ? text : text.slice(0, split),
                    body: split < 0 ? '' : text.slice(split + 4),
                    ...(error ? { error } : {}),
                });
            });
        });
    }
    const tokenForm = Buffer.from(`grant_type=password&username=a&password=b&pad=${'x'.repeat(1024 * 1024)}`);
    const scopes = Buffer.from(`grant_type=client_credentials&scope=${Array.from({ length: 10_000 }, (_, i) => `s${i}`).join('+')}`);
    const TOO_LARGE_OAUTH = {
        error: 'invalid_request',
        error_description: 'The request body is too large.',
    };
    for (const chunked of [false, true]) {
        const how = chunked ? 'chunked' : 'with a Content-Length';
        for (const [what, body] of [
            ['a 1 MB form', tokenForm],
            ['10,000 scopes', scopes],
        ]) {
            it(`answers ${what} to /token ${how} with 413 invalid_request`, async () => {
                for (let i = 0; i < 5; i++) {
                    const r = await exchange(server.config.ports.gatewayHttps, '/token', {
                        'Content-Type': 'application/x-www-form-urlencoded',
                        Authorization: basic('client', 'secret'),
                    }, body, chunked);
                    assert.equal(r.error, undefined, `attempt ${i}: ${r.error}`);
                    assert.match(r.head, /^HTTP\/1\.1 413 /, `attempt ${i}`);
                    assert.match(r.head, /\r\ncache-control: no-store\r\n/i);
                    assert.deepEqual(JSON.parse(r.body), TOO_LARGE_OAUTH);
                }
            });
        }
        it(`answers a 2 MB JSON body to the management REST API ${how} with 413`, async () => {
            const json = Buffer.from(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }));
            for (let i = 0; i < 5; i++) {
                const r = await exchange(server.config.ports.management, '/api/devportal/v1/applications', {
                    'Content-Type': 'application/json',
                    Authorization: basic('admin', 'Admin-Password-For-Tests'),
                }, json, chunked);
                assert.equal(r.error, undefined, `attempt ${i}: ${r.error}`);
                assert.match(r.head, /^HTTP\/1\.1 413 /, `attempt ${i}`);
                assert.deepEqual(JSON.parse(r.body), {
                    code: 413,
                    message: 'Payload Too Large',
                    description: 'The request body is too large.',
                });
            }
        });
    }
});
//# sourceMappingURL=oversized-bodies.test.js.map