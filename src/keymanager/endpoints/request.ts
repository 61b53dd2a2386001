import { parseFormBody, type FormParams } from './form.js';
import { authenticateClient, presentedCredentials } from '../client-auth.js';
import { InvalidClientError, SlowDownError } from '../errors.js';
import type { EventSink } from '../events.js';
import type { LoginThrottle } from '../login-throttle.js';
import type { Client } from '../model.js';
import type { ApplicationStore } from '../store.js';

/** What the OAuth endpoints read from an HTTP request; the HTTP layer fills it in. */
export interface OAuthRequest {
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: unknown;
  /** The client address: the socket's, or from X-Forwarded-For set by a trusted proxy (R24). */
  readonly ip: string;
}

export interface ClientAuthDeps {
  readonly applications: ApplicationStore;
  readonly events: EventSink;
  readonly throttle?: LoginThrottle;
}

/**
 * The first steps of every client-authenticated endpoint: the per-address throttle (R16,
 * R22), strict form parsing, then one client authentication.
 */
export async function authenticate(
  deps: ClientAuthDeps,
  req: OAuthRequest,
): Promise<{ form: FormParams; client: Client }> {
  const verdict = await deps.throttle?.check(req.ip);
  if (verdict) {
    deps.events({
      type: 'request.throttled',
      reason: verdict.reason,
      retryAfterS: verdict.retryAfterS,
      ip: req.ip,
    });
    throw new SlowDownError(verdict.retryAfterS);
  }
  const form = parseFormBody(req.contentType, req.body);
  let clientId: string | undefined;
  try {
    const creds = presentedCredentials(req.authorization, form);
    clientId = creds.clientId;
    return { form, client: await authenticateClient(deps.applications, creds) };
  } catch (err) {
    if (err instanceof InvalidClientError) {
      // The presented id is recorded only when it names a real client (R51).
      const consumerKey = err.reason === 'wrong_secret' && clientId !== undefined ? clientId : null;
      deps.events({ type: 'client.auth_failed', reason: err.reason, consumerKey, ip: req.ip });
      await deps.throttle?.clientFailed(req.ip);
    }
    throw err;
  }
}
