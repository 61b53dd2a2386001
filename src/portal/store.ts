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
