import type { Application } from '../model.js';

/** How a developer starts the Code flow with one key pair: shown by the portal and the CLI. */
export interface CodeFlowExample {
  /** The authorization request with placeholders for state and the PKCE challenge. */
  readonly authorizationUrl: string;
  /** The code exchange, as a curl command with placeholders. */
  readonly tokenRequest: string;
}

/** undefined when the application does not use the Code grant or has no callback URL. */
export function codeFlowExample(
  app: Application,
  consumerKey: string,
  endpoints: { authorization: string; token: string },
): CodeFlowExample | undefined {
  const redirectUri = app.callbackUrls[0];
  if (!app.grantTypes.includes('authorization_code') || redirectUri === undefined) return undefined;
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: consumerKey,
    redirect_uri: redirectUri,
    scope: 'default',
    state: 'STATE',
    code_challenge: 'CHALLENGE',
    code_challenge_method: 'S256',
  });
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: 'CODE',
    redirect_uri: redirectUri,
    code_verifier: 'VERIFIER',
  });
  const auth = app.publicClient
    ? `-d "client_id=${consumerKey}"`
    : `-u "${consumerKey}:CONSUMER_SECRET"`;
  return {
    authorizationUrl: `${endpoints.authorization}?${q}`,
    tokenRequest: `curl -k -d "${form}" ${auth} ${endpoints.token}`,
  };
}
