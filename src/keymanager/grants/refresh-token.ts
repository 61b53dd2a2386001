import { grantTypeInfo } from '../../config/index.js';
import { InvalidGrantError, InvalidScopeError } from '../errors.js';
import { parseScope } from '../scopes.js';
import { tokenKey } from '../secrets.js';
import { defineGrant } from './grant.js';

const INVALID = 'The refresh token is invalid, expired or revoked.';

/**
 * RFC 6749 §6 with rotation: every refresh consumes the presented token and issues a new
 * one in the same family. Presenting a consumed token again is reuse: the whole family is
 * revoked (RFC 9700 §4.14.2, R29). A store failure propagates as 503, never as reuse (R32).
 */
export const refreshTokenGrant = defineGrant({
  ...grantTypeInfo('refresh_token'),
  parameters: ['refresh_token', 'scope'],
  create:
    (deps) =>
    async ({ client, form, ip, now }) => {
      const presented = form.require('refresh_token');
      const requested = form.has('scope') ? parseScope(form.get('scope')) : undefined;
      const tokenHash = tokenKey(presented);
      const state = await deps.tokens.findRefresh(tokenHash);
      const consumerKey = client.key.consumerKey;
      const fail = (reason: string) => {
        deps.events({ type: 'grant.failed', grantType: 'refresh_token', reason, consumerKey, ip });
        return new InvalidGrantError(INVALID);
      };
      // R27: bound to the client it was issued to.
      if (!state || state.consumerKey !== consumerKey) throw fail('unknown_token');
      if (state.revokedAt !== null || state.family.revokedAt !== null) throw fail('revoked');
      if (state.consumedAt !== null) {
        // R30: a request that began before the token was consumed lost a race; it is not a replay
        // (the client cannot have received the successor yet), so the family survives.
        if (now < state.consumedAt) throw fail('concurrent_refresh');
        await deps.tokens.revokeFamily(state.familyId, now, 'refresh_token_reuse');
        deps.events({ type: 'refresh.reuse_detected', familyId: state.familyId, consumerKey, ip });
        throw fail('reuse_detected');
      }
      if (state.expiresAt <= now) throw fail('expired');

      // R28: a subset of the original scope; omitted = the original.
      let scope = state.scope;
      if (requested && requested.length > 0) {
        const extra = requested.filter((s) => !state.scope.includes(s));
        if (extra.length > 0)
          throw new InvalidScopeError('The requested scope exceeds the scope originally granted.');
        scope = requested;
      }
      let subject;
      if (state.userId !== null) {
        const user = await deps.users.findById(state.userId);
        if (!user || user.status !== 'active') throw fail('user_inactive');
        subject = { id: user.id, username: user.username };
      }
      return {
        scope,
        ...(subject ? { subject } : {}),
        refresh: state.family,
        // R30: of concurrent refreshes with one token exactly one wins; the others are refused
        // without revoking the family, since the race is not a replay.
        commit: async (issuance) => {
          if ((await deps.tokens.rotateRefresh(tokenHash, deps.clock(), issuance)) !== 'rotated')
            throw fail('concurrent_refresh');
        },
      };
    },
});
