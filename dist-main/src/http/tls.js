import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
/**
 * Mozilla's "intermediate" server profile (Server Side TLS 5.7), without its DHE suites: TLS 1.3,
 * and TLS 1.2 only with ECDHE key exchange and AEAD ciphers (AES-GCM, ChaCha20-Poly1305) —
 * no CBC, no SHA-1 MAC, no static RSA key exchange. The client picks among these (all are
 * strong), as the profile says.
 */
export const TLS_PROFILE = {
    minVersion: 'TLSv1.2',
    ciphers: [
        'TLS_AES_128_GCM_SHA256',
        'TLS_AES_256_GCM_SHA384',
        'TLS_CHACHA20_POLY1305_SHA256',
        'ECDHE-ECDSA-AES128-GCM-SHA256',
        'ECDHE-RSA-AES128-GCM-SHA256',
        'ECDHE-ECDSA-AES256-GCM-SHA384',
        'ECDHE-RSA-AES256-GCM-SHA384',
        'ECDHE-ECDSA-CHACHA20-POLY1305',
        'ECDHE-RSA-CHACHA20-POLY1305',
    ].join(':'),
    ecdhCurve: 'X25519:prime256v1:secp384r1',
    honorCipherOrder: false,
};
/**
 * The configured certificate, or a self-signed one made at first start under data/tls/
 * (hence `curl -k`). The key file is written 0600.
 */
export async function loadTls(config) {
    const { certFile, keyFile } = config.transport;
    if (certFile || keyFile) {
        if (!certFile || !keyFile)
            throw new Error('transport.https.cert_file and key_file must be set together');
        return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certFile };
    }
    const dir = join(config.home, 'data', 'tls');
    const certPath = join(dir, 'cert.pem');
    const keyPath = join(dir, 'key.pem');
    if (!existsSync(certPath) || !existsSync(keyPath)) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const names = new Set(['localhost', config.hostname]);
        const altNames = [
            ...[...names].filter((n) => !isIP(n)).map((value) => ({ type: 2, value })),
            ...[...new Set(['127.0.0.1', '::1', ...[...names].filter((n) => isIP(n))])].map((ip) => ({
                type: 7,
                ip,
            })),
        ];
        const notAfter = new Date();
        notAfter.setFullYear(notAfter.getFullYear() + 2);
        // Loaded only when a certificate is made: it is heavy and not needed at later starts.
        const { generate } = await import('selfsigned');
        const pems = await generate([{ name: 'commonName', value: config.hostname }], {
            keyType: 'ec',
            curve: 'P-256',
            algorithm: 'sha256',
            notAfterDate: notAfter,
            extensions: [
                { name: 'basicConstraints', cA: false },
                { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
                { name: 'extKeyUsage', serverAuth: true },
                { name: 'subjectAltName', altNames },
            ],
        });
        writeFileSync(keyPath, pems.private, { mode: 0o600 });
        writeFileSync(certPath, pems.cert, { mode: 0o644 });
    }
    return {
        cert: readFileSync(certPath, 'utf8'),
        key: readFileSync(keyPath, 'utf8'),
        certFile: certPath,
    };
}
//# sourceMappingURL=tls.js.map