import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
// Client ids, secrets and opaque tokens use base64url: only [A-Za-z0-9_-], so the raw and
// the form-encoded forms are the same and a plain base64(key:secret) always works (R15).
export function randomToken(bytes) {
    return randomBytes(bytes).toString('base64url');
}
/** 160-bit consumer key, 256-bit consumer secret, 256-bit opaque and refresh tokens. */
export const newConsumerKey = () => randomToken(20);
export const newConsumerSecret = () => randomToken(32);
export const newOpaqueToken = () => randomToken(32);
/**
 * Secrets and tokens are random with ≥ 160 bits of entropy, so a plain SHA-256 is a
 * sufficient one-way function for storing them (RFC 6749 §10.4, R15, R51).
 */
export function hashSecret(secret) {
    return createHash('sha256').update(secret, 'utf8').digest('base64url');
}
export function sameHash(a, b) {
    const x = Buffer.from(a, 'utf8');
    const y = Buffer.from(b, 'utf8');
    return x.length === y.length && timingSafeEqual(x, y);
}
//# sourceMappingURL=secrets.js.map