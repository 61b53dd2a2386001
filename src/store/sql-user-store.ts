import type { Insertable, Kysely, Selectable } from 'kysely';
import type { UserStore } from '../identity/store.js';
import { IdentityError, type User, type UserStatus } from '../identity/user.js';
import { isUniqueViolation } from './errors.js';
import type { HotReads } from './hot-path.js';
import { mappedOnce } from './mapped-rows.js';
import type { Tables, UsersTable } from './tables.js';

function toUser(r: Selectable<UsersTable>): User {
  return {
    id: r.id,
    username: r.username,
    passwordHash: r.password_hash,
    roles: JSON.parse(r.roles) as string[],
    status: r.status as UserStatus,
    createdAt: r.created_at,
  };
}

// The hot path's kept user rows are mapped once (mapped-rows.ts).
const toKeptUser = mappedOnce(toUser);

function toRow(user: User): Insertable<UsersTable> {
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

export class SqlUserStore implements UserStore {
  constructor(
    private readonly db: Kysely<Tables>,
    // Changes drop the rows the token hot path keeps (creations cannot make a kept row stale).
    private readonly hot: Pick<HotReads, 'user' | 'forget'>,
  ) {}

  async findByUsername(username: string): Promise<User | undefined> {
    const r = await this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return r && toUser(r);
  }

  async findById(id: string): Promise<User | undefined> {
    const r = await this.hot.user(id);
    return r && toKeptUser(r);
  }

  async create(user: User): Promise<void> {
    try {
      await this.db.insertInto('users').values(toRow(user)).execute();
    } catch (err) {
      if (isUniqueViolation(err))
        throw new IdentityError('user_exists', `A user named "${user.username}" already exists.`);
      throw err;
    }
  }

  async createMany(users: readonly User[]): Promise<void> {
    if (users.length === 0) return;
    try {
      await this.db.transaction().execute(async (trx) => {
        // Chunks keep each statement under SQLite's and PostgreSQL's bound-parameter limits.
        for (let i = 0; i < users.length; i += 100)
          await trx
            .insertInto('users')
            .values(users.slice(i, i + 100).map(toRow))
            .execute();
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new IdentityError(
          'user_exists',
          'A user of the import already exists; nothing was imported.',
        );
      throw err;
    }
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async updatePasswordHash(id: string, passwordHash: string, now: number): Promise<void> {
    try {
      await this.db
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: now })
        .where('id', '=', id)
        .execute();
    } finally {
      this.hot.forget();
    }
  }

  async updateRoles(id: string, roles: readonly string[], now: number): Promise<void> {
    try {
      await this.db
        .updateTable('users')
        .set({ roles: JSON.stringify(roles), updated_at: now })
        .where('id', '=', id)
        .execute();
    } finally {
      this.hot.forget();
    }
  }

  async updateStatus(id: string, status: UserStatus, now: number): Promise<void> {
    try {
      await this.db
        .updateTable('users')
        .set({ status, updated_at: now })
        .where('id', '=', id)
        .execute();
    } finally {
      this.hot.forget();
    }
  }

  async remove(id: string): Promise<boolean> {
    try {
      const r = await this.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return r.numDeletedRows > 0n;
    } finally {
      this.hot.forget();
    }
  }
}
