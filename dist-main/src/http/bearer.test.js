import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bearerCredential, isB64Token } from './bearer.js';
describe('bearer credentials (RFC 6750 §2.1)', () => {
    it('reads the credential of the Bearer scheme in any case, trimmed', () => {
        assert.equal(bearerCredential('Bearer abc'), 'abc');
        assert.equal(bearerCredential('bearer  abc= '), 'abc=');
        assert.equal(bearerCredential('BEARER '), '');
    });
    it('ignores other schemes and an absent header', () => {
        assert.equal(bearerCredential(undefined), undefined);
        assert.equal(bearerCredential('Basic YTpi'), undefined);
        assert.equal(bearerCredential('Bearerabc'), undefined);
    });
    it('checks the b64token syntax and a length bound', () => {
        assert.equal(isB64Token('a-b.c_d~e+f/g==', 100), true);
        assert.equal(isB64Token('', 100), false);
        assert.equal(isB64Token('a b', 100), false);
        assert.equal(isB64Token('a=b', 100), false);
        assert.equal(isB64Token('abcd', 3), false);
    });
});
//# sourceMappingURL=bearer.test.js.map