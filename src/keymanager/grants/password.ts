import { grantTypeInfo } from '../../config/index.js';
import {
  HashingOverloadedError,
  MAX_PASSWORD_BYTES,
  normalizeUsername,
  type AuthenticationResult,
} from '../../identity/index.js';
import { InvalidGrantError, InvalidRequestError, ShedError } from '../errors.js';
import { refuseThrottledAddress } from '../login-throttle.js';
import type { Client } from '../model.js';
import { grantScopes, parseScope } from '../scopes.js';
import { defineGrant, type GrantDeps } from './grant.js';

// RFC 6749 App. A.15/A.16: username and password are *UNICODECHARNOCRLF; NUL never reaches storage (R26).
const FORBIDDEN = /[\r\n\0]/;

/** Every credential failure gets this one answer (R19). */
const BAD_CREDENTIALS = 'The user credentials are invalid.';

/** RFC 6749 §4.3: resource owner password credentials. */
export const passwordGrant = defineGrant({
  ...grantTypeInfo('password'),
  parameters: ['username', 'password', 'scope'],
  create: (deps) => {
    // One answer for every shed grant, made once: a flood's 503s capture no stack trace each.
    const shedError = new ShedError(
      'Too many sign-in attempts are in progress; retry shortly.',
      deps.shedPauseMs,
    );
    return async (req) => {
      const { client, form, ip, gone } = req;
      // R16, R22: an address over the failure or spraying limit guesses no more passwords. Only
      // here: its clients' client_credentials and refresh_token grants still pass.
      await refuseThrottledAddress(deps.throttle, deps.events, ip);
      // §4.3.2: checked before any lookup or hash (R18).
      const username = form.require('username');
      const password = form.require('password');
      if (FORBIDDEN.test(username) || FORBIDDEN.test(password)) {
        throw new InvalidRequestError(
          'The username and password may not contain line breaks or NUL characters.',
        );
      }
      if (username.length > 255 || Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
        throw new InvalidRequestError('The username or password is too long.');
      }
      const requested = parseScope(form.get('scope'));

      const shed = () => {
        // R55: a full hashing queue answers at once instead of queueing without bound.
        deps.events({
          type: 'request.shed',
          reason: 'hash_queue_full',
          consumerKey: client.key.consumerKey,
          ip,
        });
        return shedError;
      };
      // Shed before the user and lock lookups, so a flood costs as little as possible.
      if (deps.users.hashingSaturated()) throw shed();
      let result;
      try {
        result = await deps.users.authenticate(username, password, gone);
      } catch (err) {
        if (err instanceof HashingOverloadedError) throw shed();
        throw err;
      }
      if (!result.ok) {
        await refused(deps, result, { client, ip, username });
        // R19: unknown, wrong, locked and disabled all get this one answer.
        throw new InvalidGrantError(BAD_CREDENTIALS);
      }
      const { user } = result;
      return {
        scope: await grantScopes(deps.scopes, requested, user.roles),
        subject: { id: user.id, username: user.username },
        refresh: 'new',
      };
    };
  },
});

/** Audits a failed sign-in and counts it for the per-address throttles (R22). */
async function refused(
  deps: GrantDeps,
  result: Extract<AuthenticationResult, { ok: false }>,
  at: { client: Client; ip: string; username: string },
): Promise<void> {
  const consumerKey = at.client.key.consumerKey;
  const username = result.user?.username;
  deps.events({
    type: 'grant.failed',
    grantType: 'password',
    reason: result.reason,
    consumerKey,
    ip: at.ip,
    ...(username ? { username } : {}),
  });
  if (username && result.lockedUntil !== undefined) {
    deps.events({
      type: 'account.locked',
      username,
      until: result.lockedUntil,
      consumerKey,
      ip: at.ip,
    });
  }
  await deps.throttle?.loginFailed(at.ip, normalizeUsername(at.username));
}
