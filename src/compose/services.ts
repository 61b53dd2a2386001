import type { Config } from '../config/index.js';
import { createLockout, createUserService, PasswordHasher } from '../identity/index.js';
import { createApplicationService } from '../keymanager/index.js';
import { createSubscriptionService } from '../portal/index.js';
import { createApiService } from '../publisher/index.js';
import { createSqlStores, openDatabase } from '../store/index.js';

export interface ServiceOptions {
  /** The clock of lock expiry and audit times (tests inject one). */
  readonly now?: () => number;
}

/** The domain services over the configured database: what the server and the CLI share. */
export async function createServices(config: Config, opts: ServiceOptions = {}) {
  const now = opts.now ?? Date.now;
  const database = await openDatabase(config.database);
  const stores = createSqlStores(database);
  const hasher = new PasswordHasher(config.identity.hashing);
  const users = createUserService({
    store: stores.users,
    hasher,
    policy: { minLength: config.identity.minPasswordLength },
    now,
    lockout: createLockout(stores.lockouts, config.identity.lockout),
    onCredentialsChanged: (userId) => stores.tokens.revokeUser(userId, Date.now()),
    isClientId: async (name) => (await stores.applications.findClient(name)) !== undefined,
  });
  const applications = createApplicationService({ store: stores.applications, tokens: stores.tokens, config: config.token });
  const hasSubscriptions = async (apiId: string) => (await stores.subscriptions.countByApi(apiId)) > 0;
  const apis = createApiService({ store: stores.apis, hasSubscriptions });
  const subscriptions = createSubscriptionService({ store: stores.subscriptions, apis, applications: stores.applications, tiers: config.tiers });
  return { config, database, stores, hasher, users, applications, apis, subscriptions, now, close: () => database.close() };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
