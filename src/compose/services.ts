import { createRuntimeSettings, type Config } from '../config/index.js';
import { createUserService, PasswordHasher } from '../identity/index.js';
import { createApplicationService } from '../keymanager/index.js';
import { createSqlStores, openDatabase } from '../store/index.js';

/** The domain services over the configured database: what the server and the CLI share. */
export async function createServices(config: Config) {
  const database = await openDatabase(config.database);
  const stores = createSqlStores(database);
  const hasher = new PasswordHasher(config.identity.hashing);
  const users = createUserService({
    store: stores.users,
    hasher,
    policy: { minLength: config.identity.minPasswordLength },
    onCredentialsChanged: async (userId) => {
      await stores.tokens.revokeUser(userId, Date.now());
      await stores.sessions.removeUser(userId);
    },
    isClientId: async (name) => (await stores.applications.findClient(name)) !== undefined,
  });
  const applications = createApplicationService({ store: stores.applications, tokens: stores.tokens, config: config.token });
  // Admin switches (self sign-up, password grant) over deployment.toml's defaults.
  const settings = createRuntimeSettings({ store: stores.settings, config });
  return { config, database, stores, hasher, users, applications, settings, close: () => database.close() };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
