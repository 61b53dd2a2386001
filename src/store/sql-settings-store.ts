import type { Kysely } from 'kysely';
import type { SettingsStore } from '../config/runtime-settings.js';
import type { Tables } from './tables.js';

export class SqlSettingsStore implements SettingsStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async getAll(): Promise<Record<string, string>> {
    const rows = await this.db.selectFrom('settings').select(['key', 'value']).execute();
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  async put(entries: Record<string, string>, now: number): Promise<void> {
    const list = Object.entries(entries);
    if (list.length === 0) return;
    await this.db.transaction().execute(async (tx) => {
      for (const [key, value] of list) {
        await tx
          .insertInto('settings')
          .values({ key, value, updated_at: now })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
          .execute();
      }
    });
  }
}
