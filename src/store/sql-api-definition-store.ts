import type { Kysely } from 'kysely';
import type { ApiDefinitionStore } from '../publisher/store.js';
import type { Tables } from './tables.js';

export class SqlApiDefinitionStore implements ApiDefinitionStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async get(apiId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('api_definitions')
      .select('document')
      .where('api_id', '=', apiId)
      .executeTakeFirst();
    return row?.document;
  }

  async put(apiId: string, document: string, now: number): Promise<void> {
    await this.db
      .insertInto('api_definitions')
      .values({ api_id: apiId, document, updated_at: now })
      .onConflict((oc) => oc.column('api_id').doUpdateSet({ document, updated_at: now }))
      .execute();
  }

  async remove(apiId: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('api_definitions')
      .where('api_id', '=', apiId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
