import type { Api, ApiStatus } from './model.js';

/** What the Publisher needs from storage. */
export interface ApiStore {
  /**
   * Fails with DuplicateError when the name+version or context+version is taken. An API marked
   * as the default version takes that mark from any other API of its context or name, in the
   * same transaction (one default per context and per name).
   */
  create(api: Api): Promise<void>;
  /** Replaces the API's fields and resources; the default version moves as in `create`. */
  update(api: Api): Promise<void>;
  findById(id: string): Promise<Api | undefined>;
  findByNameAndVersion(name: string, version: string): Promise<Api | undefined>;
  list(statuses?: readonly ApiStatus[]): Promise<Api[]>;
  remove(id: string): Promise<boolean>;
}

/** The OpenAPI documents publishers gave their APIs (text as given); removed with the API. */
export interface ApiDefinitionStore {
  get(apiId: string): Promise<string | undefined>;
  put(apiId: string, document: string, now: number): Promise<void>;
  /** True when there was one. */
  remove(apiId: string): Promise<boolean>;
}
