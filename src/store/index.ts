import type { AuditStore } from '../audit/audit-event.js';
import type { LockoutStore } from '../identity/lockout.js';
import type { StatisticsStore } from '../admin/statistics-store.js';
import type { SettingsStore } from '../config/runtime-settings.js';
import type { SessionStore } from '../session/session-store.js';
import type { UserStore } from '../identity/store.js';
import type {
  ApplicationStore,
  AuthorizationStore,
  ScopeStore,
  SigningKeyStore,
  TokenStore,
} from '../keymanager/store.js';
import type { ApiDefinitionStore, ApiStore } from '../publisher/store.js';
import type { SubscriptionStore } from '../portal/store.js';
import type { Database } from './database.js';
import { SqlApiStore } from './sql-api-store.js';
import { SqlRevocationFeed, type RevocationFeed } from './sql-revocation-feed.js';
import { SqlSubscriptionStore } from './sql-subscription-store.js';
import { SqlApplicationStore } from './sql-application-store.js';
import { SqlAuditStore } from './sql-audit-store.js';
import { SqlAuthorizationStore } from './sql-authorization-store.js';
import { SqlLockoutStore } from './sql-lockout-store.js';
import { SqlScopeStore } from './sql-scope-store.js';
import { SqlSessionStore } from './sql-session-store.js';
import { SqlSettingsStore } from './sql-settings-store.js';
import { SqlStatisticsStore } from './sql-statistics-store.js';
import { SqlSigningKeyStore } from './sql-signing-key-store.js';
import { SqlTokenStore } from './sql-token-store.js';
import { SqlUserStore } from './sql-user-store.js';
import { SqlApiDefinitionStore } from './sql-api-definition-store.js';

export interface SqlStores {
  readonly users: UserStore;
  readonly applications: ApplicationStore;
  readonly scopes: ScopeStore;
  readonly tokens: TokenStore;
  readonly signingKeys: SigningKeyStore;
  readonly apis: ApiStore;
  readonly apiDefinitions: ApiDefinitionStore;
  readonly subscriptions: SubscriptionStore;
  readonly revocations: RevocationFeed;
  readonly lockouts: LockoutStore;
  readonly audit: AuditStore;
  readonly sessions: SessionStore;
  readonly settings: SettingsStore;
  readonly statistics: StatisticsStore;
  readonly authorizations: AuthorizationStore;
}

/** Every store over one open database (SQLite or PostgreSQL). */
export function createSqlStores(database: Database): SqlStores {
  const { db, hot } = database;
  return {
    users: new SqlUserStore(db, hot.reads),
    applications: new SqlApplicationStore(db, hot.reads),
    scopes: new SqlScopeStore(db),
    tokens: new SqlTokenStore(db, hot),
    signingKeys: new SqlSigningKeyStore(db),
    apis: new SqlApiStore(db),
    apiDefinitions: new SqlApiDefinitionStore(db),
    subscriptions: new SqlSubscriptionStore(db),
    revocations: new SqlRevocationFeed(db),
    lockouts: new SqlLockoutStore(db),
    audit: new SqlAuditStore(db),
    sessions: new SqlSessionStore(db),
    settings: new SqlSettingsStore(db),
    statistics: new SqlStatisticsStore(db),
    authorizations: new SqlAuthorizationStore(db),
  };
}

export { openDatabase, type Database } from './database.js';
export { isStoreUnavailable } from './unavailable.js';
export { trimNativeHeap, trimNativeHeapEvery } from './native-heap.js';
export { DuplicateError } from './errors.js';
export type { RevocationFeed } from './sql-revocation-feed.js';
