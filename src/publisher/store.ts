import type { Api, ApiStatus } from './model.js';

/** What the Publisher needs from storage. */
export interface ApiStore {
  /** Fails with DuplicateError when the name+version or context+version is taken. */
  create(api: Api): Promise<void>;
  /** Replaces the API's fields and resources. */
  update(api: Api): Promise<void>;
  findById(id: string): Promise<Api | undefined>;
  findByNameAndVersion(name: string, version: string): Promise<Api | undefined>;
  list(statuses?: readonly ApiStatus[]): Promise<Api[]>;
  remove(id: string): Promise<boolean>;
}
