import { createHash, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcryptjs';
export const LIMITS = {
    argon2: { maxMemoryKib: 262_144, maxTime: 20, maxParallelism: 16 },
    bcrypt: { minCost: 4, maxCost: 14 },
    pbkdf2: { maxIterations: 2_000_000 },
};
const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;
/** Decodes strict standard base64 (padding optional); undefined when it is not. */
export function decodeBase64(text) {
    if (text.length === 0 || !B64.test(text))
        return undefined;
    return Buffer.from(text, 'base64');
}
const PBKDF2_DIGEST = {
    'pbkdf2-sha256': 'sha256',
    'pbkdf2-sha512': 'sha512',
    'pbkdf2-sha1': 'sha1',
};
/** Why a stored hash is not usable, or its parsed form. */
export function parseHash(stored) {
    const argon = /^\$(argon2id|argon2i)\$v=(16|19)\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
    if (argon) {
        const [m, t, p] = [Number(argon[3]), Number(argon[4]), Number(argon[5])];
        const l = LIMITS.argon2;
        if (p < 1 ||
            p > l.maxParallelism ||
            t < 1 ||
            t > l.maxTime ||
            m < 8 * p ||
            m > l.maxMemoryKib) {
            return {
                error: `Argon2 parameters out of range (m ≤ ${l.maxMemoryKib}, t ≤ ${l.maxTime}, p ≤ ${l.maxParallelism}).`,
            };
        }
        return { format: argon[1] };
    }
    if (stored.startsWith('$argon2'))
        return { error: 'Malformed Argon2 hash (expected $argon2id$v=19$m=…,t=…,p=…$salt$hash).' };
    const bc = /^\$2([aby])\$(\d\d)\$[./A-Za-z0-9]{53}$/.exec(stored);
    if (bc) {
        const cost = Number(bc[2]);
        if (cost < LIMITS.bcrypt.minCost || cost > LIMITS.bcrypt.maxCost) {
            return {
                error: `bcrypt cost ${cost} out of range (${LIMITS.bcrypt.minCost} to ${LIMITS.bcrypt.maxCost}).`,
            };
        }
        // $2y$ (PHP) and $2b$ are the same algorithm as $2a$ for every password without the 2011 bug.
        return { format: 'bcrypt', normalized: `$2b$${stored.slice(4)}` };
    }
    if (stored.startsWith('$2'))
        return {
            error: 'Malformed bcrypt hash (expected $2a$/$2b$/$2y$, a two-digit cost and 53 characters).',
        };
    const pb = /^\$(pbkdf2-sha256|pbkdf2-sha512|pbkdf2-sha1)\$i=(\d{1,8})\$([^$]*)\$([^$]*)$/.exec(stored);
    if (pb) {
        const iterations = Number(pb[2]);
        if (iterations < 1 || iterations > LIMITS.pbkdf2.maxIterations)
            return { error: `PBKDF2 iterations out of range (1 to ${LIMITS.pbkdf2.maxIterations}).` };
        const salt = decodeBase64(pb[3]);
        const hash = decodeBase64(pb[4]);
        if (!salt)
            return { error: 'Bad base64 in the PBKDF2 salt.' };
        if (!hash || hash.length < 16)
            return { error: 'Bad base64 in the PBKDF2 hash (or shorter than 16 bytes).' };
        return { format: pb[1], iterations, salt, hash };
    }
    if (stored.startsWith('$pbkdf2'))
        return {
            error: 'Malformed PBKDF2 hash (expected $pbkdf2-sha256$i=N$salt$hash, or -sha512, -sha1).',
        };
    const ws = /^\$wso2-sha256\$([^$]*)\$([^$]*)$/.exec(stored);
    if (ws) {
        if (!decodeBase64(ws[1]))
            return { error: 'Bad base64 in the WSO2 salt.' };
        const hash = decodeBase64(ws[2]);
        if (!hash || hash.length !== 32)
            return { error: 'Bad base64 in the WSO2 hash (or not 32 bytes).' };
        return { format: 'wso2-sha256', salt: ws[1], hash };
    }
    if (stored.startsWith('$wso2'))
        return { error: 'Malformed WSO2 hash (expected $wso2-sha256$salt$hash).' };
    return {
        error: 'Unknown password hash format (argon2id, argon2i, bcrypt, pbkdf2-sha256/-sha512/-sha1 or wso2-sha256).',
    };
}
/** The format of a stored hash, or undefined when it is not one Tollgate can check. */
export function hashFormat(stored) {
    const p = parseHash(stored);
    return 'format' in p ? p.format : undefined;
}
const equal = (a, b) => a.length === b.length && timingSafeEqual(a, b);
/**
 * Checks a password against a non-Argon2 hash, synchronously: it runs in a hashing worker
 * thread (hash-worker.ts), never on the event loop. False for anything unparsable.
 */
export function verifyForeign(stored, password) {
    const p = parseHash(stored);
    if (!('format' in p))
        return false;
    switch (p.format) {
        case 'bcrypt': {
            // bcrypt only reads the first 72 bytes of a password, as the system that made the hash did.
            const again = bcrypt.hashSync(password, p.normalized.slice(0, 29));
            return equal(Buffer.from(again.slice(29)), Buffer.from(p.normalized.slice(29)));
        }
        case 'pbkdf2-sha256':
        case 'pbkdf2-sha512':
        case 'pbkdf2-sha1':
            // Keycloak: PBKDF2WithHmacSHA* over the UTF-8 password, the derived key as long as the stored one.
            return equal(pbkdf2Sync(Buffer.from(password, 'utf8'), p.salt, p.iterations, p.hash.length, PBKDF2_DIGEST[p.format]), p.hash);
        case 'wso2-sha256':
            // WSO2 JDBCUserStoreManager.preparePassword: SHA-256 of the password followed by the salt
            // text as stored in UM_SALT_VALUE (itself base64 of 16 random bytes), base64-encoded.
            return equal(createHash('sha256')
                .update(password + p.salt, 'utf8')
                .digest(), p.hash);
        default:
            return false; // Argon2 is checked by @node-rs/argon2
    }
}
/** A Keycloak credential (`algorithm`, `hashIterations`, base64 `salt` and `hashedSaltedValue`) as a stored hash. */
export function keycloakCredentialHash(c) {
    const format = c.algorithm === 'pbkdf2' ? 'pbkdf2-sha1' : c.algorithm;
    return `$${format}$i=${c.hashIterations}$${c.salt}$${c.hashedSaltedValue}`;
}
//# sourceMappingURL=foreign-hashes.js.map