import { createHash } from 'node:crypto';
import { sameHash } from './secrets.js';

// RFC 7636 §4.2: an S256 challenge is BASE64URL(SHA-256(verifier)): 43 characters, no padding.
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
// RFC 7636 §4.1: code-verifier = 43*128unreserved.
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** The only method Tollgate accepts: `plain` would let a stolen challenge redeem the code (RFC 9700 §2.1.1). */
export const CODE_CHALLENGE_METHODS = ['S256'] as const;

export const isS256Challenge = (challenge: string): boolean => S256_CHALLENGE.test(challenge);

/** RFC 7636 §4.6: the verifier's SHA-256, base64url-encoded, must equal the challenge. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  const computed = createHash('sha256').update(verifier, 'ascii').digest('base64url');
  return sameHash(computed, challenge);
}
