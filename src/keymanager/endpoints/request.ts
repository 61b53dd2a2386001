import { parseFormBody, type FormParams } from './form.js';
import { authenticateClient, presentedCredentials } from '../client-auth.js';
import { InvalidClientError } from '../errors.js';
import type { EventSink } from '../events.js';
import { refuseThrottledAddress, type LoginThrottle } from '../login-throttle.js';
import type { Client } from '../model.js';
import type { ApplicationStore } from '../store.js';

/** What the OAuth endpoints read from an HTTP request; the HTTP layer fills it in. */
export interface OAuthRequest {
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: unknown;
  /** The client address: the socket's, or from X-Forwarded-For set by a trusted proxy (R24). */
  readonly ip: string;
  /**
   * True once the client can no longer receive the answer (its connection closed): work still
   * waiting for it, a password hash, is skipped (ClientGoneError).
   */
  readonly gone?: () => boolean;
}

export interface ClientAuthDeps {
  readonly applications: ApplicationStore;
  readonly events: EventSink;
  readonly throttle?: LoginThrottle;
}

/**
 * The first steps of every client-authenticated endpoint: strict form parsing, then one client
 * authentication. A failed one from an address over the per-address limit is answered 429
 * (R16, R22); a client with its right secret passes whatever the address did: it is not a
 * guess, and the client lookup and SHA-256 it costs are cheap (no password hash).
 * `public` says a public client presented its client_id alone; each endpoint decides what such
 * a client may do.
 */
export async function authenticate(
  deps: ClientAuthDeps,
  req: OAuthRequest,
): Promise<{ form: FormParams; client: Client; public: boolean }> {
  const form = parseFormBody(req.contentType, req.body);
  let clientId: string | undefined;
  try {
    const creds = presentedCredentials(req.authorization, form);
    clientId = creds.clientId;
    const client = await authenticateClient(deps.applications, creds);
    return { form, client, public: creds.via === 'none' };
  } catch (err) {
    if (err instanceof InvalidClientError) {
      await refuseThrottledAddress(deps.throttle, deps.events, req.ip);
      // The presented id is recorded only when it names a real client (R51).
      const consumerKey = err.reason === 'wrong_secret' && clientId !== undefined ? clientId : null;
      deps.events({ type: 'client.auth_failed', reason: err.reason, consumerKey, ip: req.ip });
      await deps.throttle?.clientFailed(req.ip);
    }
    throw err;
  }
}
