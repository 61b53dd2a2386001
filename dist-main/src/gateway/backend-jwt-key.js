import { createPrivateKey, createPublicKey, generateKeyPairSync, } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint } from 'jose';
function generate(alg) {
    const pair = alg === 'RS256'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return pair.privateKey;
}
/**
 * Reads the PEM (PKCS#8) private key at `file`, or makes one there (mode 0600 in a 0700
 * directory, written atomically) at the first start. The key type must match `alg`.
 */
export async function loadBackendJwtKey(file, alg) {
    let privateKey;
    if (existsSync(file)) {
        privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    }
    else {
        privateKey = generate(alg);
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
        writeFileSync(`${file}.tmp`, pem, { mode: 0o600 });
        renameSync(`${file}.tmp`, file);
    }
    const expected = alg === 'RS256' ? 'rsa' : 'ec';
    if (privateKey.asymmetricKeyType !== expected)
        throw new Error(`${file}: an ${expected.toUpperCase()} key is needed for ${alg}`);
    return backendJwtKey(privateKey, alg);
}
/** A private key with its kid and public JWK. */
export async function backendJwtKey(privateKey, alg) {
    const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
    // RFC 7638 thumbprint as kid: stable for the key, the same on every Gateway sharing it.
    const kid = await calculateJwkThumbprint(jwk);
    return { alg, kid, privateKey, publicJwk: { ...jwk, kid, alg, use: 'sig' } };
}
/** A new key, not saved (tests). */
export const newBackendJwtKey = (alg) => backendJwtKey(generate(alg), alg);
//# sourceMappingURL=backend-jwt-key.js.map