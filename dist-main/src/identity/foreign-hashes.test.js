import assert from 'node:assert/strict';
import { createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { hashSync as argon2Hash } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { hashFormat, keycloakCredentialHash, parseHash, verifyForeign } from './foreign-hashes.js';
import { PasswordHasher } from './password-hasher.js';
const password = 'Pässword with spaces';
const b64 = (b) => b.toString('base64');
/** Vectors made here with node:crypto and bcryptjs, as Keycloak, WSO2 and bcrypt users would bring them. */
function vectors() {
    const salt = randomBytes(16);
    const pbkdf2 = (digest, iterations, len) => b64(pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, len, digest));
    const wso2Salt = b64(randomBytes(16)); // UM_SALT_VALUE: base64 text, used as text
    const bc = bcrypt.hashSync(password, bcrypt.genSaltSync(4));
    return {
        'pbkdf2-sha256': keycloakCredentialHash({
            algorithm: 'pbkdf2-sha256',
            hashIterations: 27500,
            salt: b64(salt),
            hashedSaltedValue: pbkdf2('sha256', 27500, 64),
        }),
        'pbkdf2-sha512': `$pbkdf2-sha512$i=1000$${b64(salt)}$${pbkdf2('sha512', 1000, 64)}`,
        'pbkdf2-sha1': keycloakCredentialHash({
            algorithm: 'pbkdf2',
            hashIterations: 20000,
            salt: b64(salt),
            hashedSaltedValue: pbkdf2('sha1', 20000, 64),
        }),
        'wso2-sha256': `$wso2-sha256$${wso2Salt}$${b64(createHash('sha256')
            .update(password + wso2Salt, 'utf8')
            .digest())}`,
        bcrypt2a: bc.replace(/^\$2b\$/, '$2a$'),
        bcrypt2b: bc.replace(/^\$2a\$/, '$2b$'),
        bcrypt2y: bc.replace(/^\$2[ab]\$/, '$2y$'),
        argon2i: argon2Hash(password, { algorithm: 1, memoryCost: 4096, timeCost: 3, parallelism: 1 }),
        argon2idOther: argon2Hash(password, { memoryCost: 7168, timeCost: 5, parallelism: 1 }),
    };
}
const garbled = [
    '',
    'plain text',
    '$2b$10$short',
    '$2b$99$' + 'a'.repeat(53),
    '$2x$10$' + 'a'.repeat(53),
    '$pbkdf2-sha256$i=27500$not base64!$AAAAAAAAAAAAAAAAAAAAAA==',
    '$pbkdf2-sha256$i=0$AAAA$AAAAAAAAAAAAAAAAAAAAAA==',
    '$pbkdf2-sha256$i=999999999$AAAA$AAAAAAAAAAAAAAAAAAAAAA==',
    '$pbkdf2-md5$i=1$AAAA$AAAAAAAAAAAAAAAAAAAAAA==',
    '$pbkdf2-sha256$27500$AAAA$AAAAAAAAAAAAAAAAAAAAAA==',
    '$wso2-sha256$$' + 'A'.repeat(43) + '=',
    '$wso2-sha256$c2FsdA==$dG9vIHNob3J0',
    '$argon2id$v=19$m=9999999,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
    '$argon2d$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
    '$md5$abc$def',
];
describe('foreign password hashes', () => {
    it('verifies PBKDF2, WSO2 salted SHA-256 and bcrypt vectors, and refuses wrong passwords', () => {
        for (const [name, stored] of Object.entries(vectors())) {
            if (name.startsWith('argon2'))
                continue;
            assert.equal(verifyForeign(stored, password), true, `${name} with the right password`);
            assert.equal(verifyForeign(stored, 'pässword with spaces'), false, `${name} with a wrong password`);
            assert.equal(verifyForeign(stored, ''), false, `${name} with an empty password`);
        }
    });
    it('names each format; garbled or unknown strings have none and never verify', () => {
        const v = vectors();
        assert.deepEqual(Object.fromEntries(Object.entries(v).map(([k, s]) => [k, hashFormat(s)])), {
            'pbkdf2-sha256': 'pbkdf2-sha256',
            'pbkdf2-sha512': 'pbkdf2-sha512',
            'pbkdf2-sha1': 'pbkdf2-sha1',
            'wso2-sha256': 'wso2-sha256',
            bcrypt2a: 'bcrypt',
            bcrypt2b: 'bcrypt',
            bcrypt2y: 'bcrypt',
            argon2i: 'argon2i',
            argon2idOther: 'argon2id',
        });
        for (const g of garbled) {
            assert.equal(hashFormat(g), undefined, g);
            assert.ok('error' in parseHash(g), g);
            assert.equal(verifyForeign(g, password), false, g);
        }
        assert.deepEqual(parseHash('$pbkdf2-sha256$i=27500$not base64!$AAAAAAAAAAAAAAAAAAAAAA=='), {
            error: 'Bad base64 in the PBKDF2 salt.',
        });
        assert.deepEqual(parseHash('$md5$abc$def'), {
            error: 'Unknown password hash format (argon2id, argon2i, bcrypt, pbkdf2-sha256/-sha512/-sha1 or wso2-sha256).',
        });
    });
    it('checks every format in the hashing threads; all but current argon2id need a rehash', async () => {
        const h = new PasswordHasher({
            memoryKib: 19456,
            iterations: 2,
            parallelism: 1,
            nice: 10,
            maxConcurrent: 2,
            maxQueued: 16,
        });
        const entries = Object.entries(vectors());
        const right = await Promise.all(entries.map(([, stored]) => h.verify(stored, password)));
        const wrong = await Promise.all(entries.map(([, stored]) => h.verify(stored, `${password}x`)));
        const names = entries.map(([name]) => name);
        assert.deepEqual(Object.fromEntries(names.map((n, i) => [n, [right[i], wrong[i]]])), Object.fromEntries(names.map((n) => [n, [true, false]])));
        for (const [name, stored] of entries)
            assert.equal(h.needsRehash(stored), true, name);
        const bad = [garbled[2], garbled[5], garbled[14]];
        assert.deepEqual(await Promise.all(bad.map((g) => h.verify(g, password))), [
            false,
            false,
            false,
        ]);
        const current = await h.hash(password);
        assert.equal(h.needsRehash(current), false);
        assert.equal(await h.verify(current, password), true);
        await h.close();
    });
});
//# sourceMappingURL=foreign-hashes.test.js.map