import type { Kysely, Selectable } from 'kysely';
import type { GrantType, TokenType } from '../config/index.js';
import type { Application, Client, ClientKey, Environment } from '../keymanager/model.js';
import type { ApplicationStore } from '../keymanager/store.js';
import { DuplicateError, isUniqueViolation } from './errors.js';
import type { ClientRow, HotReads } from './hot-path.js';
import { mappedOnce } from './mapped-rows.js';
import type { ApplicationsTable, ClientKeysTable, Tables } from './tables.js';

function toApplication(r: Selectable<ApplicationsTable>): Application {
  return {
    id: r.id,
    name: r.name,
    ownerId: r.owner_id,
    description: r.description,
    tokenType: r.token_type as TokenType,
    grantTypes: JSON.parse(r.grant_types) as GrantType[],
    accessTokenLifetime: r.access_token_lifetime,
    refreshTokenLifetime: r.refresh_token_lifetime,
    throttlingPolicy: r.throttling_policy,
    callbackUrls: JSON.parse(r.callback_urls) as string[],
    publicClient: r.public_client === 1,
    firstParty: r.first_party === 1,
    createdAt: r.created_at,
  };
}

function toKey(r: Selectable<ClientKeysTable>): ClientKey {
  return {
    consumerKey: r.consumer_key,
    applicationId: r.application_id,
    environment: r.environment as Environment,
    secretHash: r.secret_hash,
    createdAt: r.created_at,
  };
}

const toClient = mappedOnce((r: ClientRow): Client => ({
  key: toKey(r),
  application: toApplication({ ...r, id: r.application_id, created_at: r.app_created_at }),
}));

function applicationRow(
  app: Application,
): Omit<Selectable<ApplicationsTable>, 'id' | 'owner_id' | 'created_at'> {
  return {
    name: app.name,
    description: app.description,
    token_type: app.tokenType,
    grant_types: JSON.stringify(app.grantTypes),
    access_token_lifetime: app.accessTokenLifetime,
    refresh_token_lifetime: app.refreshTokenLifetime,
    throttling_policy: app.throttlingPolicy,
    callback_urls: JSON.stringify(app.callbackUrls),
    public_client: app.publicClient ? 1 : 0,
    first_party: app.firstParty ? 1 : 0,
  };
}

function duplicateName(name: string): DuplicateError {
  return new DuplicateError(
    'application',
    `An application named "${name}" already exists for this owner.`,
  );
}

export class SqlApplicationStore implements ApplicationStore {
  constructor(
    private readonly db: Kysely<Tables>,
    // Changes drop the rows the token hot path keeps (creations cannot make a kept row stale).
    private readonly hot: Pick<HotReads, 'client' | 'forget'>,
  ) {}

  async create(app: Application): Promise<void> {
    try {
      await this.db
        .insertInto('applications')
        .values({
          id: app.id,
          owner_id: app.ownerId,
          created_at: app.createdAt,
          ...applicationRow(app),
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateName(app.name);
      throw err;
    }
  }

  async update(app: Application): Promise<void> {
    try {
      try {
        await this.db
          .updateTable('applications')
          .set(applicationRow(app))
          .where('id', '=', app.id)
          .execute();
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateName(app.name);
        throw err;
      }
    } finally {
      this.hot.forget();
    }
  }

  async findById(id: string): Promise<Application | undefined> {
    const r = await this.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toApplication(r);
  }

  async findByOwnerAndName(ownerId: string, name: string): Promise<Application | undefined> {
    const r = await this.db
      .selectFrom('applications')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('name', '=', name)
      .executeTakeFirst();
    return r && toApplication(r);
  }

  async list(ownerId?: string): Promise<Application[]> {
    let q = this.db.selectFrom('applications').selectAll();
    if (ownerId !== undefined) q = q.where('owner_id', '=', ownerId);
    const rows = await q.orderBy('owner_id').orderBy('name').execute();
    return rows.map(toApplication);
  }

  async remove(id: string): Promise<boolean> {
    try {
      // client_keys go with it (ON DELETE CASCADE).
      const r = await this.db.deleteFrom('applications').where('id', '=', id).executeTakeFirst();
      return r.numDeletedRows > 0n;
    } finally {
      this.hot.forget();
    }
  }

  async createKey(key: ClientKey): Promise<void> {
    try {
      await this.db
        .insertInto('client_keys')
        .values({
          consumer_key: key.consumerKey,
          application_id: key.applicationId,
          environment: key.environment,
          secret_hash: key.secretHash,
          created_at: key.createdAt,
          secret_updated_at: key.createdAt,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err))
        throw new DuplicateError(
          'client_key',
          `The application already has ${key.environment} keys.`,
        );
      throw err;
    }
  }

  async findKey(applicationId: string, environment: Environment): Promise<ClientKey | undefined> {
    const r = await this.db
      .selectFrom('client_keys')
      .selectAll()
      .where('application_id', '=', applicationId)
      .where('environment', '=', environment)
      .executeTakeFirst();
    return r && toKey(r);
  }

  async findClient(consumerKey: string): Promise<Client | undefined> {
    const r = await this.hot.client(consumerKey);
    return r && toClient(r);
  }

  async updateSecret(consumerKey: string, secretHash: string, now: number): Promise<void> {
    try {
      await this.db
        .updateTable('client_keys')
        .set({ secret_hash: secretHash, secret_updated_at: now })
        .where('consumer_key', '=', consumerKey)
        .execute();
    } finally {
      this.hot.forget();
    }
  }
}
