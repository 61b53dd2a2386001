// SECURITY.md R57: "headersTimeout ≤ 20 s, requestTimeout ≤ 30 s for /token, header cap
// 16 KiB" set explicitly (CVE-2018-12122: slow headers). A client that sends its headers
// slowly, or too many of them, is cut off; nothing reaches a 5xx from the application.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connect } from 'node:tls';
import { startTestServer } from '../helpers/tollgate.js';
describe('explicit HTTP limits on the Token API', () => {
    let server;
    let ca;
    before(async () => {
        server = await startTestServer({
            settings: {
                'transport.http.headers_timeout_ms': 1000,
                'transport.http.request_timeout_ms': 2000,
            },
        });
        ca = readFileSync(join(server.home, 'data', 'tls', 'cert.pem'), 'utf8');
    });
    after(() => server?.close());
    /** Writes `chunks` (one every `everyMs`) and resolves with what the server sent once it closes the connection. */
    function rawExchange(chunks, everyMs) {
        return new Promise((resolve, reject) => {
            const socket = connect({ host: '127.0.0.1', port: server.config.ports.gatewayHttps, ca, servername: 'localhost' }, () => {
                let i = 0;
                const timer = setInterval(() => {
                    if (i < chunks.length && !socket.destroyed)
                        socket.write(chunks[i++]);
                }, everyMs);
                socket.on('close', () => clearInterval(timer));
            });
            let received = '';
            socket.on('data', (d) => (received += d));
            socket.on('close', () => resolve(received));
            socket.on('error', (err) => err.code === 'ECONNRESET' ? resolve(received) : reject(err));
        });
    }
    it('cuts off a client that trickles its headers (slow loris) with 408', { timeout: 30_000 }, async () => {
        // One header line every 300 ms, never the blank line that ends the headers.
        const lines = [
            'POST /token HTTP/1.1\r\n',
            'Host: localhost\r\n',
            ...Array.from({ length: 200 }, (_, i) => `X-Slow-${i}: a\r\n`),
        ];
        const answer = await rawExchange(lines, 300);
        assert.match(answer, /^HTTP\/1\.1 408 /);
    });
    it('cuts off a client that never finishes its body', { timeout: 30_000 }, async () => {
        const head = 'POST /token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n';
        const answer = await rawExchange([head, ...Array.from({ length: 100 }, () => 'a')], 300);
        assert.match(answer, /^HTTP\/1\.1 408 /);
    });
    it('refuses headers over 16 KiB with 431', async () => {
        const answer = await rawExchange([`POST /token HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`], 1);
        assert.match(answer, /^HTTP\/1\.1 431 /);
    });
});
//# sourceMappingURL=http-limits.test.js.map