import type { Kysely, Selectable } from 'kysely';
import type { Scope } from '../keymanager/model.js';
import type { ScopeStore } from '../keymanager/store.js';
import type { ScopesTable, Tables } from './tables.js';

function toScope(r: Selectable<ScopesTable>): Scope {
  return { name: r.name, description: r.description, roles: JSON.parse(r.roles) as string[] };
}

export class SqlScopeStore implements ScopeStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async upsert(scope: Scope, now: number): Promise<void> {
    const roles = JSON.stringify(scope.roles);
    await this.db
      .insertInto('scopes')
      .values({ name: scope.name, description: scope.description, roles, created_at: now })
      // created_at keeps the first definition's time.
      .onConflict((oc) => oc.column('name').doUpdateSet({ description: scope.description, roles }))
      .execute();
  }

  async findMany(names: readonly string[]): Promise<Scope[]> {
    if (names.length === 0) return [];
    const rows = await this.db
      .selectFrom('scopes')
      .selectAll()
      .where('name', 'in', [...names])
      .orderBy('name')
      .execute();
    return rows.map(toScope);
  }

  async list(): Promise<Scope[]> {
    const rows = await this.db.selectFrom('scopes').selectAll().orderBy('name').execute();
    return rows.map(toScope);
  }

  async remove(name: string): Promise<boolean> {
    const r = await this.db.deleteFrom('scopes').where('name', '=', name).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }
}
