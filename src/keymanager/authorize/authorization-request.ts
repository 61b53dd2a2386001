import type { GrantType } from '../../config/index.js';
import { FormParams } from '../endpoints/form.js';
import { OAuthError } from '../errors.js';
import type { Client } from '../model.js';
import { isS256Challenge } from '../pkce.js';
import { matchRedirectUri } from '../redirect-uris.js';
import { parseScope } from '../scopes.js';
import type { ApplicationStore } from '../store.js';

/** A validated authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3). */
export interface AuthorizationRequest {
  readonly client: Client;
  readonly redirectUri: string;
  readonly state: string | undefined;
  readonly scope: readonly string[];
  readonly codeChallenge: string;
  /** The request's parameters, carried by the sign-in and consent forms and checked again. */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * RFC 6749 §4.1.2.1: the client or the redirect URI cannot be trusted, so the user is told on
 * an error page and the browser is NOT sent anywhere.
 */
export class AuthorizePageError extends Error {
  override readonly name = 'AuthorizePageError';
  readonly status = 400;
  readonly expose = true;
}

export type AuthorizeErrorCode =
  | 'invalid_request'
  | 'unauthorized_client'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'server_error'
  | 'temporarily_unavailable';

/** Every other error goes back to the (verified) redirect URI with error, state and iss. */
export class AuthorizeRedirectError extends Error {
  override readonly name = 'AuthorizeRedirectError';
  constructor(
    readonly error: AuthorizeErrorCode,
    readonly description: string,
    readonly redirectUri: string,
    readonly state: string | undefined,
  ) {
    super(description);
  }
}

/** The parameters the flow carries from page to page (RFC 6749 §4.1.1, RFC 7636 §4.3). */
export const REQUEST_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;

const MAX_STATE = 2048;
const PLAUSIBLE_CLIENT_ID = /^[\x21-\x7E]{1,64}$/;

/** Reads one parameter; a duplicate (RFC 6749 §3.1 "MUST NOT be included more than once") throws. */
function read(params: FormParams, name: string): string | undefined {
  try {
    return params.get(name);
  } catch {
    return undefined;
  }
}

export interface RequestCheckDeps {
  readonly applications: ApplicationStore;
  readonly grantEnabled: (grant: GrantType) => Promise<boolean>;
}

/**
 * Validates an authorization request in the order RFC 6749 §4.1.2.1 requires: first the client
 * and its redirect URI (an error there is an AuthorizePageError), then everything else (an
 * AuthorizeRedirectError that goes back with state and iss).
 */
export async function checkAuthorizationRequest(
  deps: RequestCheckDeps,
  rawQuery: string,
): Promise<AuthorizationRequest> {
  let params: FormParams;
  try {
    params = FormParams.parse(rawQuery);
  } catch {
    throw new AuthorizePageError('The authorization request is malformed (bad percent-encoding).');
  }
  const duplicated = (name: string) => {
    try {
      params.get(name);
      return false;
    } catch (err) {
      if (err instanceof OAuthError) return true;
      throw err;
    }
  };
  if (duplicated('client_id') || duplicated('redirect_uri'))
    throw new AuthorizePageError('The client_id or redirect_uri parameter is repeated.');
  const clientId = params.get('client_id');
  if (clientId === undefined) throw new AuthorizePageError('The client_id parameter is missing.');
  const client = PLAUSIBLE_CLIENT_ID.test(clientId)
    ? await deps.applications.findClient(clientId)
    : undefined;
  if (!client) throw new AuthorizePageError('The client_id is not a registered application.');
  const presented = params.get('redirect_uri');
  if (presented === undefined)
    throw new AuthorizePageError('The redirect_uri parameter is missing.');
  const redirectUri = matchRedirectUri(client.application.callbackUrls, presented);
  if (redirectUri === undefined)
    throw new AuthorizePageError(
      "The redirect_uri is not one of the application's registered callback URLs.",
    );

  // From here the redirect URI is trusted: errors go back to it (§4.1.2.1).
  const rawState = read(params, 'state');
  const state = rawState !== undefined && rawState.length <= MAX_STATE ? rawState : undefined;
  const back = (error: AuthorizeErrorCode, description: string) =>
    new AuthorizeRedirectError(error, description, redirectUri, state);
  if (rawState !== undefined && state === undefined)
    throw back('invalid_request', `The state parameter is longer than ${MAX_STATE} characters.`);
  const repeated = REQUEST_PARAMS.find(duplicated);
  if (repeated) throw back('invalid_request', `The '${repeated}' parameter is repeated.`);

  const responseType = params.get('response_type');
  if (responseType === undefined)
    throw back('invalid_request', 'The response_type parameter is missing.');
  if (responseType !== 'code' || !(await deps.grantEnabled('authorization_code')))
    throw back('unsupported_response_type', 'Only response_type=code is supported.');
  if (!client.application.grantTypes.includes('authorization_code'))
    throw back('unauthorized_client', 'This application is not allowed to use the Code grant.');

  // RFC 7636 §4.4.1, RFC 9700 §2.1.1: PKCE with S256 is required, plain is refused.
  const challenge = params.get('code_challenge');
  const method = params.get('code_challenge_method');
  if (challenge === undefined)
    throw back('invalid_request', 'PKCE is required: send code_challenge (S256).');
  if (method !== 'S256')
    throw back(
      'invalid_request',
      method === undefined
        ? 'code_challenge_method=S256 is required (plain is not accepted).'
        : `The code_challenge_method '${method.slice(0, 16)}' is not supported; use S256.`,
    );
  if (!isS256Challenge(challenge))
    throw back('invalid_request', 'The code_challenge is not a base64url SHA-256 (43 characters).');

  let scope: string[];
  try {
    scope = parseScope(params.get('scope'));
  } catch (err) {
    if (err instanceof OAuthError) throw back('invalid_scope', err.description);
    throw err;
  }
  const carried: Record<string, string> = {};
  for (const name of REQUEST_PARAMS) {
    const v = params.get(name);
    if (v !== undefined) carried[name] = v;
  }
  return { client, redirectUri, state, scope, codeChallenge: challenge, params: carried };
}
