import { IdentityError } from '../identity/user.js';
import { isUniqueViolation } from './errors.js';
function toUser(r) {
    return {
        id: r.id,
        username: r.username,
        passwordHash: r.password_hash,
        roles: JSON.parse(r.roles),
        status: r.status,
        createdAt: r.created_at,
    };
}
function toRow(user) {
    return {
        id: user.id,
        username: user.username,
        password_hash: user.passwordHash,
        roles: JSON.stringify(user.roles),
        status: user.status,
        created_at: user.createdAt,
        updated_at: user.createdAt,
    };
}
export class SqlUserStore {
    db;
    constructor(db) {
        this.db = db;
    }
    async findByUsername(username) {
        const r = await this.db
            .selectFrom('users')
            .selectAll()
            .where('username', '=', username)
            .executeTakeFirst();
        return r && toUser(r);
    }
    async findById(id) {
        const r = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
        return r && toUser(r);
    }
    async create(user) {
        try {
            await this.db.insertInto('users').values(toRow(user)).execute();
        }
        catch (err) {
            if (isUniqueViolation(err))
                throw new IdentityError('user_exists', `A user named "${user.username}" already exists.`);
            throw err;
        }
    }
    async createMany(users) {
        if (users.length === 0)
            return;
        try {
            await this.db.transaction().execute(async (trx) => {
                // Chunks keep each statement under SQLite's and PostgreSQL's bound-parameter limits.
                for (let i = 0; i < users.length; i += 100)
                    await trx
                        .insertInto('users')
                        .values(users.slice(i, i + 100).map(toRow))
                        .execute();
            });
        }
        catch (err) {
            if (isUniqueViolation(err))
                throw new IdentityError('user_exists', 'A user of the import already exists; nothing was imported.');
            throw err;
        }
    }
    async list() {
        const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
        return rows.map(toUser);
    }
    async count() {
        const r = await this.db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow();
        return Number(r.n);
    }
    async updatePasswordHash(id, passwordHash, now) {
        await this.db
            .updateTable('users')
            .set({ password_hash: passwordHash, updated_at: now })
            .where('id', '=', id)
            .execute();
    }
    async updateRoles(id, roles, now) {
        await this.db
            .updateTable('users')
            .set({ roles: JSON.stringify(roles), updated_at: now })
            .where('id', '=', id)
            .execute();
    }
    async updateStatus(id, status, now) {
        await this.db
            .updateTable('users')
            .set({ status, updated_at: now })
            .where('id', '=', id)
            .execute();
    }
    async remove(id) {
        const r = await this.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
        return r.numDeletedRows > 0n;
    }
}
//# sourceMappingURL=sql-user-store.js.map