import type { SubscribedKey, Subscription } from './model.js';

export interface SubscriptionStore {
  /** False when the application is already subscribed to the API. */
  create(sub: Subscription): Promise<boolean>;
  findById(id: string): Promise<Subscription | undefined>;
  listByApplications(applicationIds: readonly string[]): Promise<Subscription[]>;
  countByApi(apiId: string): Promise<number>;
  remove(id: string): Promise<boolean>;
  /** Every subscription with each key pair of its application (the Gateway's view). */
  listSubscribedKeys(): Promise<SubscribedKey[]>;
}

/** Tokens issued per day (the token_issuance table), for an application's Registered Users chart. */
export interface IssuanceStatistics {
  /** Per UTC day (days since the epoch) and grant type since `since` (ms), optionally for one application. */
  issuancePerDay(
    since: number,
    applicationId?: string,
  ): Promise<Array<{ day: number; grantType: string; tokens: number; users: number }>>;
}
