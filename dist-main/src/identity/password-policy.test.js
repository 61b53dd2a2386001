// ASVS 5.0 V6.2.4: "passwords submitted during account registration or password change are
// checked against an available set of, at least, the top 3000 passwords". NIST 800-63B
// §3.1.1.2 adds repetitive or sequential characters and context-specific words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCommonPassword } from './common-passwords.js';
import { checkNewPassword } from './password-policy.js';
import { IdentityError } from './user.js';
const policy = { minLength: 8 };
const refusal = (password, username = 'carol') => {
    try {
        checkNewPassword(password, username, policy);
        return undefined;
    }
    catch (err) {
        assert.ok(err instanceof IdentityError);
        return err.message;
    }
};
describe('password policy', () => {
    it('knows the best-known breached passwords, short ones included', () => {
        for (const pw of ['password', '123456', 'qwerty', 'iloveyou', 'letmein', 'dragon', 'monkey'])
            assert.equal(isCommonPassword(pw, []), true, pw);
    });
    it('refuses breached passwords of 8+ characters from the whole published list, whatever the case', () => {
        // From the top of the list down to its thousands, as ASVS asks.
        for (const pw of [
            'password',
            'iloveyou',
            'Sunshine',
            'PRINCESS',
            'starwars',
            'trustno1',
            'q1w2e3r4t5',
            'bookworm',
            'seahawks',
            'talisman',
            'blackjack',
            'mortimer',
            '12071984',
        ])
            assert.match(refusal(pw) ?? 'accepted', /too common/, pw);
    });
    it('refuses repeats, sequences, and a listed or context word with digits appended', () => {
        for (const pw of [
            '11111111',
            '00000000',
            '12341234',
            'adminadmin',
            'abcdefgh',
            '87654321',
            '0987654321',
            'summer2026',
            'password2025!',
            'tollgate123',
            'Carol-2026',
        ])
            assert.match(refusal(pw) ?? 'accepted', /too common/, pw);
    });
    it('accepts a long passphrase and a random password', () => {
        assert.equal(refusal('correct horse battery staple'), undefined);
        assert.equal(refusal('vX7#qL9!mT2@'), undefined);
        assert.equal(refusal('Bücherwurm-im-Mondlicht'), undefined);
    });
    it('refuses short, over-long and line-broken passwords with their own reason', () => {
        assert.equal(refusal('Zq7!x'), 'The password must have at least 8 characters.');
        assert.equal(refusal('a'.repeat(1025)), 'The password must be at most 1024 bytes long.');
        assert.equal(refusal('first line\nsecond'), 'The password may not contain line breaks or NUL characters.');
    });
});
//# sourceMappingURL=password-policy.test.js.map