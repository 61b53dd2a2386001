import type { Kysely, Selectable } from 'kysely';
import type { SubscribedKey, Subscription, SubscriptionStore } from '../portal/index.js';
import { isUniqueViolation } from './errors.js';
import type { SubscriptionsTable, Tables } from './tables.js';

const toSubscription = (r: Selectable<SubscriptionsTable>): Subscription => ({
  id: r.id,
  applicationId: r.application_id,
  apiId: r.api_id,
  tier: r.tier,
  createdAt: Number(r.created_at),
});

export class SqlSubscriptionStore implements SubscriptionStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async create(sub: Subscription): Promise<boolean> {
    try {
      await this.db
        .insertInto('subscriptions')
        .values({
          id: sub.id,
          application_id: sub.applicationId,
          api_id: sub.apiId,
          tier: sub.tier,
          created_at: sub.createdAt,
        })
        .execute();
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  async findById(id: string): Promise<Subscription | undefined> {
    const r = await this.db
      .selectFrom('subscriptions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toSubscription(r);
  }

  async listByApplications(applicationIds: readonly string[]): Promise<Subscription[]> {
    if (applicationIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('subscriptions')
      .selectAll()
      .where('application_id', 'in', [...applicationIds])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toSubscription);
  }

  async countByApi(apiId: string): Promise<number> {
    const r = await this.db
      .selectFrom('subscriptions')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('api_id', '=', apiId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async remove(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  async listSubscribedKeys(): Promise<SubscribedKey[]> {
    const rows = await this.db
      .selectFrom('subscriptions as s')
      .innerJoin('client_keys as k', 'k.application_id', 's.application_id')
      .innerJoin('applications as a', 'a.id', 's.application_id')
      .innerJoin('users as u', 'u.id', 'a.owner_id')
      .select([
        's.api_id',
        's.application_id',
        's.tier',
        'k.consumer_key',
        'k.environment',
        'a.throttling_policy',
        'a.name as application_name',
        'u.username as owner_username',
      ])
      .orderBy('k.consumer_key')
      .orderBy('s.api_id')
      .execute();
    return rows.map((r) => ({
      apiId: r.api_id,
      applicationId: r.application_id,
      tier: r.tier,
      consumerKey: r.consumer_key,
      environment: r.environment as SubscribedKey['environment'],
      applicationPolicy: r.throttling_policy,
      applicationName: r.application_name,
      applicationOwner: r.owner_username,
    }));
  }
}
