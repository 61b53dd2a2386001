import { DuplicateError, isUniqueViolation } from './errors.js';
function toResource(r) {
    return {
        method: r.method,
        uriTemplate: r.uri_template,
        authType: r.auth_type,
        scope: r.scope,
    };
}
function toApi(r, resources) {
    return {
        id: r.id,
        name: r.name,
        context: r.context,
        version: r.version,
        description: r.description,
        productionUrl: r.production_url,
        sandboxUrl: r.sandbox_url,
        status: r.status,
        ownerId: r.owner_id,
        resources,
        cors: r.cors_configuration === null ? null : JSON.parse(r.cors_configuration),
        isDefaultVersion: Number(r.is_default_version) === 1,
        createdAt: Number(r.created_at),
        updatedAt: Number(r.updated_at),
    };
}
function row(api) {
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
async function writeResources(trx, api) {
    await trx.deleteFrom('api_resources').where('api_id', '=', api.id).execute();
    if (api.resources.length === 0)
        return;
    await trx
        .insertInto('api_resources')
        .values(api.resources.map((r, position) => ({
        api_id: api.id,
        position,
        method: r.method,
        uri_template: r.uriTemplate,
        auth_type: r.authType,
        scope: r.scope,
    })))
        .execute();
}
export class SqlApiStore {
    db;
    constructor(db) {
        this.db = db;
    }
    async create(api) {
        try {
            await this.db.transaction().execute(async (trx) => {
                await trx.insertInto('apis').values(row(api)).execute();
                await writeResources(trx, api);
            });
        }
        catch (err) {
            if (isUniqueViolation(err))
                throw new DuplicateError('api', `An API with this name or context already exists in version ${api.version}.`);
            throw err;
        }
    }
    async update(api) {
        const { id: _id, created_at: _c, ...fields } = row(api);
        await this.db.transaction().execute(async (trx) => {
            await trx.updateTable('apis').set(fields).where('id', '=', api.id).execute();
            await writeResources(trx, api);
        });
    }
    async withResources(rows) {
        if (rows.length === 0)
            return [];
        const res = await this.db
            .selectFrom('api_resources')
            .selectAll()
            .where('api_id', 'in', rows.map((r) => r.id))
            .orderBy('api_id')
            .orderBy('position')
            .execute();
        const byApi = new Map();
        for (const r of res) {
            const list = byApi.get(r.api_id) ?? [];
            list.push(toResource(r));
            byApi.set(r.api_id, list);
        }
        return rows.map((r) => toApi(r, byApi.get(r.id) ?? []));
    }
    async findById(id) {
        const r = await this.db.selectFrom('apis').selectAll().where('id', '=', id).executeTakeFirst();
        return r && (await this.withResources([r]))[0];
    }
    async findByNameAndVersion(name, version) {
        const r = await this.db
            .selectFrom('apis')
            .selectAll()
            .where('name', '=', name)
            .where('version', '=', version)
            .executeTakeFirst();
        return r && (await this.withResources([r]))[0];
    }
    async list(statuses) {
        let q = this.db.selectFrom('apis').selectAll();
        if (statuses) {
            if (statuses.length === 0)
                return [];
            q = q.where('status', 'in', [...statuses]);
        }
        return this.withResources(await q.orderBy('name').orderBy('version').execute());
    }
    async remove(id) {
        const r = await this.db.deleteFrom('apis').where('id', '=', id).executeTakeFirst();
        return r.numDeletedRows > 0n;
    }
}
//# sourceMappingURL=sql-api-store.js.map