import { grantTypeInfo } from '../../config/index.js';
import { InvalidGrantError, InvalidScopeError } from '../errors.js';
import type { Issuance, RefreshTokenState, TokenFamily } from '../model.js';
import { parseScope } from '../scopes.js';
import type { RotationOutcome } from '../store.js';
import { tokenKey } from '../secrets.js';
import type { Subject } from '../token-issuer.js';
import { defineGrant, type GrantDecision } from './grant.js';

const INVALID = 'The refresh token is invalid, expired or revoked.';

/** Why a refresh token cannot be refreshed as its state stands, or what it refreshes to. */
type Verdict =
  | {
      readonly ok: true;
      readonly family: TokenFamily;
      readonly scope: readonly string[];
      readonly subject?: Subject;
    }
  | {
      readonly ok: false;
      readonly reason:
        | 'unknown_token'
        | 'revoked'
        | 'concurrent_refresh'
        | 'reuse_detected'
        | 'expired'
        | 'invalid_scope'
        | 'user_inactive';
    };

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
      const consumerKey = client.key.consumerKey;
      const fail = (reason: string) => {
        deps.events({ type: 'grant.failed', grantType: 'refresh_token', reason, consumerKey, ip });
        return new InvalidGrantError(INVALID);
      };

      /** The checks, in order, without side effects. */
      async function judge(state: RefreshTokenState | undefined): Promise<Verdict> {
        // R27: bound to the client it was issued to.
        if (!state || state.consumerKey !== consumerKey)
          return { ok: false, reason: 'unknown_token' };
        if (state.revokedAt !== null || state.family.revokedAt !== null)
          return { ok: false, reason: 'revoked' };
        if (state.consumedAt !== null)
          // R30: a request that began before the token was consumed lost a race; it is not a
          // replay (the client cannot have received the successor yet), so the family survives.
          return {
            ok: false,
            reason: now < state.consumedAt ? 'concurrent_refresh' : 'reuse_detected',
          };
        if (state.expiresAt <= now) return { ok: false, reason: 'expired' };

        // R28: a subset of the original scope; omitted = the original.
        let scope = state.scope;
        if (requested && requested.length > 0) {
          if (requested.some((s) => !state.scope.includes(s)))
            return { ok: false, reason: 'invalid_scope' };
          scope = requested;
        }
        const family = state.family;
        if (state.userId === null) return { ok: true, family, scope };
        const user = await deps.users.findById(state.userId);
        if (!user || user.status !== 'active') return { ok: false, reason: 'user_inactive' };
        return { ok: true, family, scope, subject: { id: user.id, username: user.username } };
      }

      /** Answers a refusal: reuse revokes the family (R29). */
      async function refuse(
        state: RefreshTokenState | undefined,
        reason: Exclude<Verdict, { ok: true }>['reason'],
      ): Promise<never> {
        if (reason === 'invalid_scope')
          throw new InvalidScopeError('The requested scope exceeds the scope originally granted.');
        if (reason === 'reuse_detected' && state) {
          await deps.tokens.revokeFamily(state.familyId, now, 'refresh_token_reuse');
          deps.events({
            type: 'refresh.reuse_detected',
            familyId: state.familyId,
            consumerKey,
            ip,
          });
        }
        throw fail(reason);
      }

      const decision = (
        verdict: Extract<Verdict, { ok: true }>,
        commit: (issuance: Issuance) => Promise<void>,
        abandon?: () => void,
      ): GrantDecision => ({
        scope: verdict.scope,
        ...(verdict.subject ? { subject: verdict.subject } : {}),
        refresh: verdict.family,
        commit,
        ...(abandon ? { abandon } : {}),
      });
      const rotate = (issuance: Issuance) =>
        deps.tokens.rotateRefresh(tokenHash, deps.clock(), issuance);

      const claim = deps.tokens.claimRefresh(tokenHash);
      // Another request of this process is refreshing this token now: if it won, this one
      // began before its answer left and lost the race (R30); else it is judged as usual.
      if (claim.kind === 'held' && (await claim.rotated)) throw fail('concurrent_refresh');
      if (claim.kind === 'issued') {
        // Issued by this process and presented here first: no read. Judged as it was issued;
        // anything but a refresh that then wins its rotation is decided on the row as read.
        let verdict: Verdict;
        try {
          verdict = await judge(claim.state);
        } catch (err) {
          claim.release(false);
          throw err;
        }
        if (verdict.ok)
          return decision(
            verdict,
            async (issuance) => {
              let outcome: RotationOutcome | undefined;
              try {
                outcome = await rotate(issuance);
              } finally {
                claim.release(outcome === 'rotated');
              }
              if (outcome === 'rotated') return;
              // Consumed, revoked or removed since this process issued it (another node, an
              // administrator, the cleanup): what the row says now decides, reuse included.
              const state = await deps.tokens.findRefresh(tokenHash);
              const again = await judge(state);
              if (!again.ok) await refuse(state, again.reason);
              throw fail('concurrent_refresh');
            },
            () => claim.release(false),
          );
        claim.release(false);
      }

      const state = await deps.tokens.findRefresh(tokenHash);
      const verdict = await judge(state);
      if (!verdict.ok) return refuse(state, verdict.reason);
      // R30: of concurrent refreshes with one token exactly one wins; the others are refused
      // without revoking the family, since the race is not a replay.
      return decision(verdict, async (issuance) => {
        if ((await rotate(issuance)) !== 'rotated') throw fail('concurrent_refresh');
      });
    },
});
