import { formDecode, type FormParams } from './endpoints/form.js';
import { InvalidClientError, InvalidRequestError } from './errors.js';
import type { Client } from './model.js';
import { hashSecret, sameHash } from './secrets.js';
import type { ApplicationStore } from './store.js';

/** Client credentials as presented, before they are checked. */
export type PresentedCredentials =
  | { readonly clientId: string; readonly clientSecret: string; readonly via: 'basic' | 'body' }
  /** A public client's client_id alone in the body (RFC 6749 §2.1, §3.2.1). */
  | { readonly clientId: string; readonly via: 'none' };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** RFC 6749 §2.3.1 / RFC 7617: base64 (checked strictly), then form-decoded id and secret. */
function parseBasic(value: string): PresentedCredentials {
  const encoded = value.slice(6).trim();
  if (encoded === '' || !BASE64.test(encoded)) {
    throw new InvalidRequestError(
      'The Authorization header is not valid Basic credentials (bad base64).',
    );
  }
  let decoded: string;
  try {
    decoded = utf8.decode(Buffer.from(encoded, 'base64'));
  } catch {
    throw new InvalidRequestError(
      'The Authorization header is not valid Basic credentials (not UTF-8).',
    );
  }
  const colon = decoded.indexOf(':');
  if (colon < 0)
    throw new InvalidRequestError(
      'The Authorization header is not valid Basic credentials (no colon).',
    );
  return {
    clientId: formDecode(decoded.slice(0, colon)),
    clientSecret: formDecode(decoded.slice(colon + 1)),
    via: 'basic',
  };
}

/**
 * Finds the one client authentication method the request used (R10–R12). Throws
 * invalid_client when none was used.
 */
export function presentedCredentials(
  authorization: string | undefined,
  form: FormParams,
): PresentedCredentials {
  const bodyId = form.get('client_id');
  const bodySecret = form.get('client_secret');
  if (authorization !== undefined) {
    if (!/^basic /i.test(authorization)) {
      throw new InvalidClientError(
        'Only HTTP Basic client authentication is supported in the Authorization header.',
      );
    }
    const basic = parseBasic(authorization);
    // RFC 6749 §2.3: one method only. A body client_id equal to the Basic one is harmless.
    if (bodySecret !== undefined || (bodyId !== undefined && bodyId !== basic.clientId)) {
      throw new InvalidRequestError('Client authentication must use only one method.');
    }
    return basic;
  }
  if (bodyId !== undefined && bodySecret !== undefined)
    return { clientId: bodyId, clientSecret: bodySecret, via: 'body' };
  if (bodyId !== undefined && bodySecret === undefined) return { clientId: bodyId, via: 'none' };
  throw new InvalidClientError('Client authentication is required.');
}

// Compared against when the client id is unknown, so both failures cost the same (R14).
const DUMMY_HASH = hashSecret('tollgate-dummy-secret');

// Client ids are printable ASCII: anything else (NUL, CR/LF, over 64 characters) is an
// unknown client without a database lookup, so PostgreSQL never sees a NUL (R26).
const PLAUSIBLE_CLIENT_ID = /^[\x21-\x7E]{1,64}$/;

export async function authenticateClient(
  store: ApplicationStore,
  creds: PresentedCredentials,
): Promise<Client> {
  const client = PLAUSIBLE_CLIENT_ID.test(creds.clientId)
    ? await store.findClient(creds.clientId)
    : undefined;
  if (creds.via === 'none') {
    // Only a public client may go without a secret; any other gets the one answer (R14).
    if (!client?.application.publicClient)
      throw new InvalidClientError(undefined, client ? 'no_credentials' : 'unknown_client');
    return client;
  }
  const matches = sameHash(hashSecret(creds.clientSecret), client?.key.secretHash ?? DUMMY_HASH);
  if (!client) throw new InvalidClientError(undefined, 'unknown_client');
  if (!matches) throw new InvalidClientError(undefined, 'wrong_secret');
  return client;
}
