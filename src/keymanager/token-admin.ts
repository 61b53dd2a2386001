import type { TokenConfig } from '../config/index.js';
import type { SigningKeys } from './signing-keys.js';
import type { TokenStore } from './store.js';
import { createTokenLookup } from './token-lookup.js';

/** Administrator actions on tokens of any client (CLI, Admin REST). */
export function createTokenAdmin(deps: {
  store: TokenStore;
  keys: SigningKeys;
  config: TokenConfig;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const lookup = createTokenLookup({
    store: deps.store,
    keys: () => deps.keys,
    config: deps.config,
  });
  return {
    /** Revokes an access token, or a refresh token with its whole family. */
    async revoke(value: string): Promise<'access' | 'refresh' | undefined> {
      const found = await lookup(value, undefined);
      if (!found) return undefined;
      if (found.kind === 'refresh')
        await deps.store.revokeFamily(found.state.familyId, now(), 'revoked_by_admin');
      else await deps.store.revokeAccess(found.record.jti, now());
      return found.kind;
    },
  };
}
