import { grantTypeInfo } from '../../config/index.js';
import { InvalidGrantError } from '../errors.js';
import type { AuthorizationCode } from '../model.js';
import { verifierMatches } from '../pkce.js';
import { hashSecret } from '../secrets.js';
import { defineGrant, type GrantDeps } from './grant.js';

const INVALID = 'The authorization code is invalid, expired or already used.';

/**
 * RFC 6749 §4.1.3 with PKCE (RFC 7636 §4.5–4.6): the code must have been issued to this client,
 * for this redirect_uri, not expired, not used, and the code_verifier must hash to its
 * challenge. Every code carries a challenge (the authorization endpoint requires S256), so a
 * request without a verifier is refused too: no PKCE downgrade (RFC 9700 §4.8.2).
 *
 * A second exchange of a code is refused and revokes the tokens of the first (§4.1.2 "SHOULD
 * revoke (when possible) all tokens previously issued based on that authorization code").
 */
export const authorizationCodeGrant = defineGrant({
  ...grantTypeInfo('authorization_code'),
  parameters: ['code', 'redirect_uri', 'code_verifier'],
  create:
    (deps) =>
    async ({ client, form, ip, now }) => {
      const presented = form.require('code');
      const redirectUri = form.require('redirect_uri');
      const verifier = form.require('code_verifier');
      const consumerKey = client.key.consumerKey;
      const fail = (reason: string) => {
        deps.events({
          type: 'grant.failed',
          grantType: 'authorization_code',
          reason,
          consumerKey,
          ip,
        });
        return new InvalidGrantError(INVALID);
      };
      const codeHash = hashSecret(presented);
      const code =
        presented.length <= 128 ? await deps.authorizations.findCode(codeHash) : undefined;
      // §4.1.3: "ensure that the authorization code was issued to the authenticated ... client".
      if (!code || code.consumerKey !== consumerKey) throw fail('unknown_code');
      if (code.usedAt !== null) {
        await revokeIssued(deps, code, now);
        deps.events({ type: 'authorization_code.reuse_detected', consumerKey, ip });
        throw fail('code_reuse');
      }
      if (code.expiresAt <= now) throw fail('expired');
      // §4.1.3: "identical" to the redirect_uri of the authorization request.
      if (code.redirectUri !== redirectUri) throw fail('redirect_uri_mismatch');
      if (!verifierMatches(verifier, code.codeChallenge)) throw fail('pkce_mismatch');
      const user = await deps.users.findById(code.userId);
      if (!user || user.status !== 'active') throw fail('user_inactive');
      return {
        scope: code.scope,
        subject: { id: user.id, username: user.username },
        refresh: 'new',
        // The tokens are stored first, then the code is marked used with what it issued; of two
        // concurrent exchanges the one that finds the code used revokes both issuances.
        commit: async (issuance) => {
          await deps.tokens.saveIssuance(issuance);
          const issued = {
            familyId: issuance.refresh?.familyId ?? null,
            accessJti: issuance.access.jti,
          };
          if (await deps.authorizations.redeemCode(codeHash, deps.clock(), issued)) return;
          await revokeIssued(deps, { ...code, ...issued }, deps.clock());
          const winner = await deps.authorizations.findCode(codeHash);
          if (winner) await revokeIssued(deps, winner, deps.clock());
          deps.events({ type: 'authorization_code.reuse_detected', consumerKey, ip });
          throw fail('code_reuse');
        },
      };
    },
});

async function revokeIssued(
  deps: GrantDeps,
  code: Pick<AuthorizationCode, 'familyId' | 'accessJti'>,
  now: number,
): Promise<void> {
  if (code.familyId !== null) await deps.tokens.revokeFamily(code.familyId, now, 'code_reuse');
  if (code.accessJti !== null) await deps.tokens.revokeAccess(code.accessJti, now);
}
