import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isS256Challenge, verifierMatches } from './pkce.js';

// RFC 7636 Appendix B: the example verifier and its S256 challenge.
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE S256 (RFC 7636 §4.2, §4.6)', () => {
  it('accepts the verifier of Appendix B and nothing else', () => {
    assert.equal(isS256Challenge(CHALLENGE), true);
    assert.equal(verifierMatches(VERIFIER, CHALLENGE), true);
    assert.equal(verifierMatches(`${VERIFIER.slice(0, -1)}Y`, CHALLENGE), false);
    // plain: the challenge itself presented as the verifier is refused.
    assert.equal(verifierMatches(CHALLENGE, CHALLENGE), false);
  });

  it('refuses verifiers outside 43*128unreserved and challenges that are not 43 base64url', () => {
    assert.equal(verifierMatches('short', CHALLENGE), false);
    assert.equal(verifierMatches('a'.repeat(129), CHALLENGE), false);
    assert.equal(verifierMatches(`${VERIFIER}+`, CHALLENGE), false);
    for (const bad of [`${CHALLENGE}=`, CHALLENGE.slice(1), `${CHALLENGE.slice(1)}+`, ''])
      assert.equal(isS256Challenge(bad), false, bad);
  });
});
