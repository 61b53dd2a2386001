import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

// Migrations are code so they ship inside the package; each runs once, in name order,
// on SQLite and PostgreSQL alike (the schema builder emits each dialect's DDL).

export type Dialect = 'sqlite' | 'postgres';

const initial = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const ts = 'bigint' as const;
    await db.schema
      .createTable('users')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('username', 'varchar(255)', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('scopes')
      .addColumn('name', 'varchar(255)', (c) => c.primaryKey())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('applications')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('owner_id', 'varchar(64)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('token_type', 'varchar(16)', (c) => c.notNull())
      .addColumn('grant_types', 'text', (c) => c.notNull())
      .addColumn('access_token_lifetime', 'integer')
      .addColumn('refresh_token_lifetime', 'integer')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addUniqueConstraint('applications_owner_name', ['owner_id', 'name'])
      .execute();
    await db.schema
      .createTable('client_keys')
      .addColumn('consumer_key', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('application_id', 'varchar(64)', (c) =>
        c.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('environment', 'varchar(16)', (c) => c.notNull())
      .addColumn('secret_hash', 'varchar(128)', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('secret_updated_at', ts, (c) => c.notNull())
      .addUniqueConstraint('client_keys_app_env', ['application_id', 'environment'])
      .execute();
    await db.schema
      .createTable('token_families')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('consumer_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('user_id', 'varchar(64)')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('expires_at', ts, (c) => c.notNull())
      .addColumn('revoked_at', ts)
      .addColumn('revoke_reason', 'varchar(64)')
      .execute();
    await db.schema
      .createTable('access_tokens')
      .addColumn('jti', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('token_hash', 'varchar(128)', (c) => c.unique())
      .addColumn('consumer_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('application_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('user_id', 'varchar(64)')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('family_id', 'varchar(64)')
      .addColumn('grant_type', 'varchar(64)', (c) => c.notNull())
      .addColumn('issued_at', ts, (c) => c.notNull())
      .addColumn('expires_at', ts, (c) => c.notNull())
      .addColumn('revoked_at', ts)
      .execute();
    await db.schema
      .createIndex('access_tokens_family')
      .on('access_tokens')
      .column('family_id')
      .execute();
    await db.schema
      .createIndex('access_tokens_user')
      .on('access_tokens')
      .column('user_id')
      .execute();
    await db.schema
      .createIndex('access_tokens_client')
      .on('access_tokens')
      .column('consumer_key')
      .execute();
    await db.schema
      .createTable('refresh_tokens')
      .addColumn('token_hash', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('family_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('consumer_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('user_id', 'varchar(64)')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('issued_at', ts, (c) => c.notNull())
      .addColumn('expires_at', ts, (c) => c.notNull())
      .addColumn('consumed_at', ts)
      .addColumn('revoked_at', ts)
      .execute();
    await db.schema
      .createIndex('refresh_tokens_family')
      .on('refresh_tokens')
      .column('family_id')
      .execute();
    await db.schema
      .createTable('token_issuance')
      .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('application_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('consumer_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('user_id', 'varchar(64)')
      .addColumn('grant_type', 'varchar(64)', (c) => c.notNull())
      .addColumn('issued_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('token_issuance_app')
      .on('token_issuance')
      .columns(['application_id', 'grant_type'])
      .execute();
    await db.schema
      .createTable('signing_keys')
      .addColumn('kid', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('alg', 'varchar(16)', (c) => c.notNull())
      .addColumn('private_jwk', 'text', (c) => c.notNull())
      .addColumn('public_jwk', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('retired_at', ts)
      .execute();
  },
});

// Issue #5: the per-account lock state (shared by every node, survives restarts: R22, R23)
// and the audit trail of refusals.
const protection = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const ts = 'bigint' as const;
    await db.schema
      .createTable('account_lockouts')
      .addColumn('user_id', 'varchar(64)', (c) =>
        c.primaryKey().references('users.id').onDelete('cascade'),
      )
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('lock_count', 'integer', (c) => c.notNull())
      .addColumn('locked_until', ts)
      .addColumn('last_failure_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('audit_events')
      .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('at', ts, (c) => c.notNull())
      .addColumn('type', 'varchar(64)', (c) => c.notNull())
      .addColumn('reason', 'varchar(64)', (c) => c.notNull())
      .addColumn('username', 'varchar(255)')
      .addColumn('consumer_key', 'varchar(64)')
      .addColumn('ip', 'varchar(64)')
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute();
    await db.schema
      .createIndex('audit_events_type_at')
      .on('audit_events')
      .columns(['type', 'at'])
      .execute();
  },
});

// Published APIs, their resources and the applications' subscriptions (issue #3).
const gateway: Migration = {
  async up(db: Kysely<unknown>) {
    const ts = 'bigint' as const;
    await db.schema
      .createTable('apis')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('context', 'varchar(200)', (c) => c.notNull())
      .addColumn('version', 'varchar(30)', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('production_url', 'text', (c) => c.notNull())
      .addColumn('sandbox_url', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('owner_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addUniqueConstraint('apis_name_version', ['name', 'version'])
      .addUniqueConstraint('apis_context_version', ['context', 'version'])
      .execute();
    await db.schema
      .createTable('api_resources')
      .addColumn('api_id', 'varchar(64)', (c) =>
        c.notNull().references('apis.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('method', 'varchar(10)', (c) => c.notNull())
      .addColumn('uri_template', 'varchar(500)', (c) => c.notNull())
      .addColumn('auth_type', 'varchar(16)', (c) => c.notNull())
      .addColumn('scope', 'varchar(255)')
      .addPrimaryKeyConstraint('api_resources_pk', ['api_id', 'position'])
      .execute();
    await db.schema
      .createTable('subscriptions')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('application_id', 'varchar(64)', (c) =>
        c.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('api_id', 'varchar(64)', (c) => c.notNull().references('apis.id'))
      .addColumn('tier', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addUniqueConstraint('subscriptions_app_api', ['application_id', 'api_id'])
      .execute();
    await db.schema.createIndex('subscriptions_api').on('subscriptions').column('api_id').execute();
    await db.schema
      .createIndex('access_tokens_revoked')
      .on('access_tokens')
      .column('revoked_at')
      .execute();
  },
};

// 0004-ui: web sign-in sessions, runtime settings the admin changes (overriding
// deployment.toml defaults), and an application's throttling policy.
const ui: Migration = {
  async up(db: Kysely<unknown>) {
    const ts = 'bigint' as const;
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('user_id', 'varchar(64)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('csrf_token', 'varchar(128)', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('last_seen_at', ts, (c) => c.notNull())
      .addColumn('expires_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema
      .createTable('settings')
      .addColumn('key', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .alterTable('applications')
      .addColumn('throttling_policy', 'varchar(64)', (c) => c.notNull().defaultTo('Unlimited'))
      .execute();
    await db.schema
      .createIndex('token_issuance_time')
      .on('token_issuance')
      .column('issued_at')
      .execute();
  },
};

/** Indexes for the periodic purge of expired tokens (oauth.token_cleanup). */
const retention: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('access_tokens_expires')
      .on('access_tokens')
      .column('expires_at')
      .execute();
    await db.schema
      .createIndex('refresh_tokens_expires')
      .on('refresh_tokens')
      .column('expires_at')
      .execute();
    await db.schema
      .createIndex('token_families_expires')
      .on('token_families')
      .column('expires_at')
      .execute();
  },
};

/**
 * An API's own Gateway options from the Publisher: its CORS settings (JSON of CorsSettings;
 * null = the Gateway's [apim.cors]) and whether it is the default version of its context
 * (0/1; the Gateway also serves it at the context without a version).
 */
const apiGatewayOptions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('apis').addColumn('cors_configuration', 'text').execute();
    await db.schema
      .alterTable('apis')
      .addColumn('is_default_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

/**
 * 0010: the authorization code flow. An application's callback URLs (JSON list), whether it is
 * a public client and whether an admin marked it first-party; codes, stored as their hash until
 * they expire; consents remembered per user and application.
 */
const authorizationCode: Migration = {
  async up(db: Kysely<unknown>) {
    const ts = 'bigint' as const;
    await db.schema
      .alterTable('applications')
      .addColumn('callback_urls', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema
      .alterTable('applications')
      .addColumn('public_client', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('applications')
      .addColumn('first_party', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('authorization_codes')
      .addColumn('code_hash', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('consumer_key', 'varchar(64)', (c) =>
        c.notNull().references('client_keys.consumer_key').onDelete('cascade'),
      )
      .addColumn('user_id', 'varchar(64)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('code_challenge', 'varchar(128)', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('expires_at', ts, (c) => c.notNull())
      .addColumn('used_at', ts)
      .addColumn('family_id', 'varchar(64)')
      .addColumn('access_jti', 'varchar(64)')
      .execute();
    await db.schema
      .createIndex('authorization_codes_expires')
      .on('authorization_codes')
      .column('expires_at')
      .execute();
    await db.schema
      .createTable('consents')
      .addColumn('user_id', 'varchar(64)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('application_id', 'varchar(64)', (c) =>
        c.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('granted_at', ts, (c) => c.notNull())
      .addPrimaryKeyConstraint('consents_pk', ['user_id', 'application_id'])
      .execute();
  },
};

/**
 * One default version per context and per API name (WSO2's "Make this the Default Version"):
 * the Gateway serves the default at the context alone, so two would make that path ambiguous.
 * The store clears the previous default in the transaction that sets a new one; these indexes
 * make two concurrent changes fail rather than leave two defaults.
 */
const oneDefaultVersion: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of ['context', 'name'])
      await db.schema
        .createIndex(`apis_default_${column}`)
        .on('apis')
        .column(column)
        .unique()
        .where(sql.ref('is_default_version'), '=', 1)
        .execute();
  },
};

/**
 * 0012: the OpenAPI document a publisher gave an API (the Developer Portal shows it instead of
 * the one made from the resources), dropped with its API.
 */
const apiDefinitions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('api_definitions')
      .addColumn('api_id', 'varchar(64)', (c) =>
        c.primaryKey().references('apis.id').onDelete('cascade'),
      )
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

/**
 * 0013 (PostgreSQL): a change to a users, applications or client_keys row notifies
 * `tollgate_row_changes` when it commits, whoever makes it, so every node drops the client
 * and user rows it keeps (postgres-row-cache.ts). Inserts do not: rows that do not exist are
 * not kept. SQLite counts them in a table instead (0016).
 */
const rowChangeNotifications = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    if (dialect !== 'postgres') return;
    await sql`create or replace function tollgate_row_changed() returns trigger
      language plpgsql as $$
      begin
        perform pg_notify('tollgate_row_changes', tg_table_name);
        return null;
      end $$`.execute(db);
    for (const table of ['users', 'applications', 'client_keys'])
      await sql`create trigger ${sql.raw(`${table}_changed`)}
        after update or delete or truncate on ${sql.table(table)}
        for each statement execute function tollgate_row_changed()`.execute(db);
  },
});

/**
 * 0014: the access_tokens indexes on columns that are mostly null hold only the rows that are
 * not: revoked_at (the revocation feed and nothing else reads it: the few revoked tokens),
 * family_id and user_id (a client_credentials token has neither). Every query that uses them
 * asks for a value (`family_id = ?`, `user_id = ?`, `revoked_at >= 0`), which both databases
 * know implies not null. An issued token thus writes one to three index entries fewer: a
 * refresh's group commit wrote an entry, and so a WAL page of each batch, into an index of
 * nulls that was never read for them.
 */
const partialTokenIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    for (const [index, column] of [
      ['access_tokens_family', 'family_id'],
      ['access_tokens_user', 'user_id'],
      ['access_tokens_revoked', 'revoked_at'],
    ] as const) {
      await db.schema.dropIndex(index).execute();
      await db.schema
        .createIndex(index)
        .on('access_tokens')
        .column(column)
        .where(sql.ref(column), 'is not', null)
        .execute();
    }
  },
};

/**
 * 0016 (SQLite): `row_changes.version` counts the changes to users, applications and
 * client_keys rows, whoever makes them. The hot path keeps client and user rows while it stays
 * the same (sqlite-hot-path.ts); SQLite's data_version, watched before, changes with every
 * commit of another connection, so with several workers each one's token writes emptied the
 * others' rows on nearly every turn of the event loop. Inserts do not count: rows that do not
 * exist are not kept.
 */
const rowChangeCounter = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    if (dialect !== 'sqlite') return;
    await db.schema
      .createTable('row_changes')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await sql`insert into row_changes (id, version) values (1, 0)`.execute(db);
    for (const table of ['users', 'applications', 'client_keys'])
      for (const event of ['update', 'delete'])
        await sql`create trigger ${sql.raw(`${table}_${event}_counted`)}
          after ${sql.raw(event)} on ${sql.table(table)}
          begin update row_changes set version = version + 1 where id = 1; end`.execute(db);
  },
});

class CodeMigrations implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '0001-initial': initial(this.dialect),
      '0002-protection': protection(this.dialect),
      '0003-gateway': gateway,
      '0004-ui': ui,
      '0005-retention': retention,
      '0008-api-gateway-options': apiGatewayOptions,
      '0010-authorization-code': authorizationCode,
      '0011-one-default-version': oneDefaultVersion,
      '0012-api-definitions': apiDefinitions,
      '0013-row-change-notifications': rowChangeNotifications(this.dialect),
      '0014-partial-token-indexes': partialTokenIndexes,
      '0016-row-change-counter': rowChangeCounter(this.dialect),
    };
  }
}

// Without a schema, Kysely's Migrator takes a kysely_migration table in ANY schema as its
// own, so a second schema in the same PostgreSQL database (one per test run, or a
// search_path per deployment) would skip its migrations. Pin it to the current schema.
async function currentSchema(db: Kysely<unknown>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    db,
  );
  return rows[0]?.schema ?? undefined;
}

/**
 * True when every migration is recorded as run: then the Migrator, which reads the database's
 * table list and takes its lock table first (a tenth of a restart's time to ready), is not
 * needed. A missing migration table (a new database) or any other error says no.
 */
async function allApplied(
  db: Kysely<unknown>,
  provider: MigrationProvider,
  schema: string | undefined,
): Promise<boolean> {
  const table = schema ? sql.table(`${schema}.kysely_migration`) : sql.table('kysely_migration');
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return Object.keys(await provider.getMigrations()).every((name) => applied.has(name));
  } catch {
    return false;
  }
}

export async function migrate(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  const provider = new CodeMigrations(dialect);
  if (await allApplied(db, provider, migrationTableSchema)) return;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableSchema,
    // Features land in any order and each adds its own numbered migration; one numbered
    // below a migration a database already ran still runs (they never depend on each other).
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
