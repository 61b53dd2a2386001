// Mozilla Server Side TLS, "intermediate" configuration: TLS 1.2 and 1.3; for TLS 1.2 only
// ECDHE key exchange with AES-GCM or ChaCha20-Poly1305 ("forward secrecy, AEAD"), no CBC
// and no SHA-1. RFC 9325 §4.2: implementations "SHOULD NOT negotiate" cipher suites without
// forward secrecy or based on CBC. Checked with a real TLS client on both HTTPS ports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connect } from 'node:tls';
import { startTestServer } from '../helpers/tollgate.js';
describe('TLS follows the Mozilla intermediate profile', () => {
    let server;
    let ca;
    before(async () => {
        server = await startTestServer();
        ca = readFileSync(join(server.home, 'data', 'tls', 'cert.pem'), 'utf8');
    });
    after(() => server?.close());
    function handshake(port, opts) {
        return new Promise((resolve) => {
            const socket = connect({ host: '127.0.0.1', port, ca, servername: 'localhost', ...opts });
            socket.once('secureConnect', () => {
                resolve({ cipher: socket.getCipher().name, version: socket.getProtocol() ?? '' });
                socket.end();
            });
            socket.once('error', (err) => resolve({ refused: err.code ?? '' }));
        });
    }
    const ports = () => [server.config.ports.management, server.config.ports.gatewayHttps];
    it('refuses TLS 1.2 suites with CBC, a SHA-1 MAC or no forward secrecy', async () => {
        for (const port of ports()) {
            for (const ciphers of [
                'ECDHE-ECDSA-AES128-SHA', // CBC + SHA-1
                'ECDHE-ECDSA-AES256-SHA', // CBC + SHA-1
                'ECDHE-ECDSA-AES128-SHA256', // CBC
                'ECDHE-ECDSA-AES256-SHA384', // CBC
                'AES128-GCM-SHA256', // static RSA key exchange, no forward secrecy
            ]) {
                const outcome = await handshake(port, { maxVersion: 'TLSv1.2', ciphers });
                assert.ok('refused' in outcome, `${port} ${ciphers}: ${JSON.stringify(outcome)}`);
            }
        }
    });
    it('refuses TLS 1.1 and 1.0', async () => {
        for (const port of ports()) {
            const outcome = await handshake(port, {
                minVersion: 'TLSv1',
                maxVersion: 'TLSv1.1',
                ciphers: 'DEFAULT:@SECLEVEL=0',
            });
            assert.ok('refused' in outcome, JSON.stringify(outcome));
        }
    });
    it('accepts the intermediate TLS 1.2 suites and TLS 1.3', async () => {
        for (const port of ports()) {
            for (const ciphers of [
                'ECDHE-ECDSA-AES128-GCM-SHA256',
                'ECDHE-ECDSA-AES256-GCM-SHA384',
                'ECDHE-ECDSA-CHACHA20-POLY1305',
            ]) {
                assert.deepEqual(await handshake(port, { maxVersion: 'TLSv1.2', ciphers }), {
                    cipher: ciphers,
                    version: 'TLSv1.2',
                });
            }
            assert.deepEqual(await handshake(port, { minVersion: 'TLSv1.3' }), {
                cipher: 'TLS_AES_256_GCM_SHA384',
                version: 'TLSv1.3',
            });
        }
    });
});
//# sourceMappingURL=tls-profile.test.js.map