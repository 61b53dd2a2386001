import type { GrantType } from '../../config/index.js';
import type { FormParams } from '../endpoints/form.js';
import type { Client } from '../model.js';
import type { TokenResponse } from '../token-issuer.js';

export interface GrantRequest {
  readonly client: Client;
  readonly form: FormParams;
  readonly ip: string;
  readonly now: number;
}

/** One grant type: its wire name and its handler, which validates fully before it issues. */
export interface Grant {
  readonly name: GrantType;
  handle(request: GrantRequest): Promise<TokenResponse>;
}

/** The client may receive a refresh token: the grant is on globally and for its application. */
export function refreshAllowed(client: Client, enabledGrants: readonly GrantType[]): boolean {
  return (
    enabledGrants.includes('refresh_token') &&
    client.application.grantTypes.includes('refresh_token')
  );
}
