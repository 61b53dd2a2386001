import { SqlApiStore } from './sql-api-store.js';
import { SqlRevocationFeed } from './sql-revocation-feed.js';
import { SqlSubscriptionStore } from './sql-subscription-store.js';
import { SqlApplicationStore } from './sql-application-store.js';
import { SqlAuditStore } from './sql-audit-store.js';
import { SqlLockoutStore } from './sql-lockout-store.js';
import { SqlScopeStore } from './sql-scope-store.js';
import { SqlSessionStore } from './sql-session-store.js';
import { SqlSettingsStore } from './sql-settings-store.js';
import { SqlStatisticsStore } from './sql-statistics-store.js';
import { SqlSigningKeyStore } from './sql-signing-key-store.js';
import { SqlTokenStore } from './sql-token-store.js';
import { SqlUserStore } from './sql-user-store.js';
import { directWrites, GroupCommitWriter } from './write-batcher.js';
/** Every store over one open database (SQLite or PostgreSQL). */
export function createSqlStores(database) {
    const { db } = database;
    const tokenWrites = database.dialect === 'sqlite' ? new GroupCommitWriter(db) : directWrites(db);
    return {
        users: new SqlUserStore(db),
        applications: new SqlApplicationStore(db),
        scopes: new SqlScopeStore(db),
        tokens: new SqlTokenStore(db, tokenWrites),
        signingKeys: new SqlSigningKeyStore(db),
        apis: new SqlApiStore(db),
        subscriptions: new SqlSubscriptionStore(db),
        revocations: new SqlRevocationFeed(db),
        lockouts: new SqlLockoutStore(db),
        audit: new SqlAuditStore(db),
        sessions: new SqlSessionStore(db),
        settings: new SqlSettingsStore(db),
        statistics: new SqlStatisticsStore(db),
    };
}
export { openDatabase } from './database.js';
export { isStoreUnavailable } from './unavailable.js';
export { DuplicateError } from './errors.js';
//# sourceMappingURL=index.js.map