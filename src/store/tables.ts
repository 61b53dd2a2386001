import type { Generated } from 'kysely';

// Row shapes as stored. Times are milliseconds since the epoch; lists are JSON text.

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  roles: string;
  status: string;
  created_at: number;
  updated_at: number;
}

export interface ScopesTable {
  name: string;
  description: string;
  roles: string;
  created_at: number;
}

export interface ApplicationsTable {
  id: string;
  name: string;
  owner_id: string;
  description: string;
  token_type: string;
  grant_types: string;
  access_token_lifetime: number | null;
  refresh_token_lifetime: number | null;
  created_at: number;
  throttling_policy: Generated<string>;
  /** JSON list of callback URLs. */
  callback_urls: Generated<string>;
  /** 1 = public client. */
  public_client: Generated<number>;
  /** 1 = first-party (no consent page). */
  first_party: Generated<number>;
}

export interface ClientKeysTable {
  consumer_key: string;
  application_id: string;
  environment: string;
  secret_hash: string;
  created_at: number;
  secret_updated_at: number;
}

export interface AccessTokensTable {
  jti: string;
  token_hash: string | null;
  consumer_key: string;
  application_id: string;
  user_id: string | null;
  scope: string;
  family_id: string | null;
  grant_type: string;
  issued_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface RefreshTokensTable {
  token_hash: string;
  family_id: string;
  consumer_key: string;
  user_id: string | null;
  scope: string;
  issued_at: number;
  expires_at: number;
  consumed_at: number | null;
  revoked_at: number | null;
}

export interface TokenFamiliesTable {
  id: string;
  consumer_key: string;
  user_id: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  revoke_reason: string | null;
}

export interface TokenIssuanceTable {
  id: Generated<number>;
  application_id: string;
  consumer_key: string;
  user_id: string | null;
  grant_type: string;
  issued_at: number;
}

export interface SigningKeysTable {
  kid: string;
  alg: string;
  private_jwk: string;
  public_jwk: string;
  created_at: number;
  retired_at: number | null;
}

export interface ApisTable {
  id: string;
  name: string;
  context: string;
  version: string;
  description: string;
  production_url: string;
  sandbox_url: string;
  status: string;
  owner_id: string;
  /** JSON of CorsSettings; null = the Gateway's [apim.cors]. */
  cors_configuration: string | null;
  /** 1 for the default version of its context. */
  is_default_version: number;
  created_at: number;
  updated_at: number;
}

export interface ApiResourcesTable {
  api_id: string;
  position: number;
  method: string;
  uri_template: string;
  auth_type: string;
  scope: string | null;
}

export interface SubscriptionsTable {
  id: string;
  application_id: string;
  api_id: string;
  tier: string;
  created_at: number;
}

export interface AccountLockoutsTable {
  user_id: string;
  failures: number;
  lock_count: number;
  locked_until: number | null;
  last_failure_at: number;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: number;
  type: string;
  reason: string;
  username: string | null;
  consumer_key: string | null;
  ip: string | null;
  detail: string | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: number;
}

export interface AuthorizationCodesTable {
  code_hash: string;
  consumer_key: string;
  user_id: string;
  redirect_uri: string;
  scope: string;
  code_challenge: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  family_id: string | null;
  access_jti: string | null;
}

export interface ConsentsTable {
  user_id: string;
  application_id: string;
  scope: string;
  granted_at: number;
}

export interface Tables {
  users: UsersTable;
  scopes: ScopesTable;
  applications: ApplicationsTable;
  client_keys: ClientKeysTable;
  access_tokens: AccessTokensTable;
  refresh_tokens: RefreshTokensTable;
  token_families: TokenFamiliesTable;
  token_issuance: TokenIssuanceTable;
  signing_keys: SigningKeysTable;
  apis: ApisTable;
  api_resources: ApiResourcesTable;
  api_definitions: ApiDefinitionsTable;
  subscriptions: SubscriptionsTable;
  account_lockouts: AccountLockoutsTable;
  audit_events: AuditEventsTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  authorization_codes: AuthorizationCodesTable;
  consents: ConsentsTable;
}

/** The OpenAPI document a publisher gave an API (its text as given, JSON or YAML). */
export interface ApiDefinitionsTable {
  api_id: string;
  document: string;
  updated_at: number;
}
