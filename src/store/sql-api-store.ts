import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CorsSettings } from '../config/index.js';
import type {
  Api,
  ApiResource,
  ApiStatus,
  ApiStore,
  AuthType,
  HttpMethod,
} from '../publisher/index.js';
import { DuplicateError, isUniqueViolation } from './errors.js';
import type { ApiResourcesTable, ApisTable, Tables } from './tables.js';

function toResource(r: Selectable<ApiResourcesTable>): ApiResource {
  return {
    method: r.method as HttpMethod,
    uriTemplate: r.uri_template,
    authType: r.auth_type as AuthType,
    scope: r.scope,
  };
}

function toApi(r: Selectable<ApisTable>, resources: ApiResource[]): Api {
  return {
    id: r.id,
    name: r.name,
    context: r.context,
    version: r.version,
    description: r.description,
    productionUrl: r.production_url,
    sandboxUrl: r.sandbox_url,
    status: r.status as ApiStatus,
    ownerId: r.owner_id,
    resources,
    cors: r.cors_configuration === null ? null : (JSON.parse(r.cors_configuration) as CorsSettings),
    isDefaultVersion: Number(r.is_default_version) === 1,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

function row(api: Api): Selectable<ApisTable> {
  return {
    id: api.id,
    name: api.name,
    context: api.context,
    version: api.version,
    description: api.description,
    production_url: api.productionUrl,
    sandbox_url: api.sandboxUrl,
    status: api.status,
    owner_id: api.ownerId,
    cors_configuration: api.cors === null ? null : JSON.stringify(api.cors),
    is_default_version: api.isDefaultVersion ? 1 : 0,
    created_at: api.createdAt,
    updated_at: api.updatedAt,
  };
}

async function writeResources(trx: Transaction<Tables>, api: Api): Promise<void> {
  await trx.deleteFrom('api_resources').where('api_id', '=', api.id).execute();
  if (api.resources.length === 0) return;
  await trx
    .insertInto('api_resources')
    .values(
      api.resources.map((r, position) => ({
        api_id: api.id,
        position,
        method: r.method,
        uri_template: r.uriTemplate,
        auth_type: r.authType,
        scope: r.scope,
      })),
    )
    .execute();
}

/** The default version moves: any other API of the same context or name stops being it. */
async function clearOtherDefaults(trx: Transaction<Tables>, api: Api): Promise<void> {
  if (!api.isDefaultVersion) return;
  await trx
    .updateTable('apis')
    .set({ is_default_version: 0 })
    .where('is_default_version', '=', 1)
    .where('id', '<>', api.id)
    .where((eb) => eb.or([eb('context', '=', api.context), eb('name', '=', api.name)]))
    .execute();
}

export class SqlApiStore implements ApiStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async create(api: Api): Promise<void> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await clearOtherDefaults(trx, api);
        await trx.insertInto('apis').values(row(api)).execute();
        await writeResources(trx, api);
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new DuplicateError(
          'api',
          `An API with this name or context already exists in version ${api.version}.`,
        );
      throw err;
    }
  }

  async update(api: Api): Promise<void> {
    const { id: _id, created_at: _c, ...fields } = row(api);
    try {
      await this.db.transaction().execute(async (trx) => {
        await clearOtherDefaults(trx, api);
        await trx.updateTable('apis').set(fields).where('id', '=', api.id).execute();
        await writeResources(trx, api);
      });
    } catch (err) {
      // Only the one-default indexes can be violated here (name, context and version are fixed).
      if (isUniqueViolation(err))
        throw new DuplicateError(
          'api',
          `Another version of ${api.name} became the default at the same time; try again.`,
        );
      throw err;
    }
  }

  private async withResources(rows: Selectable<ApisTable>[]): Promise<Api[]> {
    if (rows.length === 0) return [];
    const res = await this.db
      .selectFrom('api_resources')
      .selectAll()
      .where(
        'api_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('api_id')
      .orderBy('position')
      .execute();
    const byApi = new Map<string, ApiResource[]>();
    for (const r of res) {
      const list = byApi.get(r.api_id) ?? [];
      list.push(toResource(r));
      byApi.set(r.api_id, list);
    }
    return rows.map((r) => toApi(r, byApi.get(r.id) ?? []));
  }

  async findById(id: string): Promise<Api | undefined> {
    const r = await this.db.selectFrom('apis').selectAll().where('id', '=', id).executeTakeFirst();
    return r && (await this.withResources([r]))[0];
  }

  async findByNameAndVersion(name: string, version: string): Promise<Api | undefined> {
    const r = await this.db
      .selectFrom('apis')
      .selectAll()
      .where('name', '=', name)
      .where('version', '=', version)
      .executeTakeFirst();
    return r && (await this.withResources([r]))[0];
  }

  async list(statuses?: readonly ApiStatus[]): Promise<Api[]> {
    let q = this.db.selectFrom('apis').selectAll();
    if (statuses) {
      if (statuses.length === 0) return [];
      q = q.where('status', 'in', [...statuses]);
    }
    return this.withResources(await q.orderBy('name').orderBy('version').execute());
  }

  async remove(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('apis').where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }
}
