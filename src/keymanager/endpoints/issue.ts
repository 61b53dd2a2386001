import type { GrantType } from '../../config/index.js';
import type { EventSink } from '../events.js';
import type { GrantDecision } from '../grants/grant.js';
import type { Client } from '../model.js';
import type { TokenStore } from '../store.js';
import type { TokenMinter, TokenResponse } from '../token-issuer.js';

/** The client may receive a refresh token: the grant is on globally and for its application. */
export function refreshAllowed(client: Client, enabledGrants: readonly GrantType[]): boolean {
  return (
    enabledGrants.includes('refresh_token') &&
    client.application.grantTypes.includes('refresh_token')
  );
}

/**
 * The last step of every grant: mint the tokens a grant decided on, commit them before
 * answering (R52), then announce them (statistics, the Registered Users report).
 */
export function createIssuer(deps: {
  mint: TokenMinter;
  tokens: TokenStore;
  events: EventSink;
  enabledGrants: readonly GrantType[];
}) {
  return async function issue(
    client: Client,
    grantType: GrantType,
    decision: GrantDecision,
    now: number,
  ): Promise<TokenResponse> {
    const { scope, subject, refresh } = decision;
    let minted;
    try {
      minted = await deps.mint(
        {
          client,
          grantType,
          scope,
          ...(subject ? { subject } : {}),
          ...(refresh !== undefined && refresh !== 'new' ? { family: refresh } : {}),
          withRefreshToken: refresh !== undefined && refreshAllowed(client, deps.enabledGrants),
        },
        now,
      );
    } catch (err) {
      decision.abandon?.();
      throw err;
    }
    if (decision.commit) await decision.commit(minted.issuance);
    else await deps.tokens.saveIssuance(minted.issuance);
    deps.events({
      type: 'token.issued',
      applicationId: client.application.id,
      consumerKey: client.key.consumerKey,
      userId: subject?.id ?? null,
      grantType,
      scope,
    });
    return minted.response;
  };
}

export type Issuer = ReturnType<typeof createIssuer>;
