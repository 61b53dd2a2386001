import { parseFormBody, type FormParams } from '../../http/form.js';
import { authenticateClient, presentedCredentials } from '../client-auth.js';
import { InvalidClientError } from '../errors.js';
import type { EventSink } from '../events.js';
import type { Client } from '../model.js';
import type { ApplicationStore } from '../store.js';

/** What the OAuth endpoints read from an HTTP request; the HTTP layer fills it in. */
export interface OAuthRequest {
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: unknown;
  readonly ip: string;
}

export interface ClientAuthDeps {
  readonly applications: ApplicationStore;
  readonly events: EventSink;
}

/** The first steps of every client-authenticated endpoint: strict form parsing, then one client authentication. */
export async function authenticate(deps: ClientAuthDeps, req: OAuthRequest): Promise<{ form: FormParams; client: Client }> {
  const form = parseFormBody(req.contentType, req.body);
  const creds = presentedCredentials(req.authorization, form);
  try {
    return { form, client: await authenticateClient(deps.applications, creds) };
  } catch (err) {
    if (err instanceof InvalidClientError) {
      deps.events({ type: 'client.auth_failed', consumerKey: creds.clientId.slice(0, 64), ip: req.ip });
    }
    throw err;
  }
}
