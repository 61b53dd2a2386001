import { createRuntimeSettings, type Config } from '../config/index.js';
import {
  createLockout,
  createUserService,
  PasswordHasher,
  type HashRunner,
} from '../identity/index.js';
import { createApplicationService } from '../keymanager/index.js';
import { createSubscriptionService } from '../portal/index.js';
import { createApiService } from '../publisher/index.js';
import { createSqlStores, openDatabase } from '../store/index.js';

export interface ServiceOptions {
  /** The clock of lock expiry and audit times (tests inject one). */
  readonly now?: () => number;
  /** Where password hashes run; by default a pool in this process (a cluster worker: the primary's). */
  readonly hashRunner?: HashRunner;
}

/** The domain services over the configured database: what the server and the CLI share. */
export async function createServices(config: Config, opts: ServiceOptions = {}) {
  const now = opts.now ?? Date.now;
  const database = await openDatabase(config.database);
  const stores = createSqlStores(database);
  const hasher = new PasswordHasher(config.identity.hashing, opts.hashRunner);
  const users = createUserService({
    store: stores.users,
    hasher,
    policy: { minLength: config.identity.minPasswordLength },
    now,
    lockout: createLockout(stores.lockouts, config.identity.lockout),
    onCredentialsChanged: async (userId) => {
      await stores.tokens.revokeUser(userId, Date.now());
      await stores.sessions.removeUser(userId);
    },
    isClientId: async (name) => (await stores.applications.findClient(name)) !== undefined,
  });
  const applications = createApplicationService({
    store: stores.applications,
    tokens: stores.tokens,
    config: config.token,
    throttlingPolicies: config.applicationPolicies.map((p) => p.name),
  });
  const hasSubscriptions = async (apiId: string) =>
    (await stores.subscriptions.countByApi(apiId)) > 0;
  const apis = createApiService({
    store: stores.apis,
    definitions: stores.apiDefinitions,
    hasSubscriptions,
  });
  const subscriptions = createSubscriptionService({
    store: stores.subscriptions,
    apis,
    applications: stores.applications,
    tiers: config.tiers,
  });
  // Admin switches (self sign-up, password grant) over deployment.toml's defaults.
  const settings = createRuntimeSettings({ store: stores.settings, config });
  return {
    config,
    database,
    stores,
    hasher,
    users,
    applications,
    apis,
    subscriptions,
    settings,
    now,
    close: async () => {
      await hasher.close();
      await database.close();
    },
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
