import { randomUUID } from 'node:crypto';
import { corsFromInput } from './cors.js';
import { CatalogError } from './errors.js';
import { nextStatus, type LifecycleAction } from './lifecycle.js';
import { gatewayPath, type Api, type ApiResource } from './model.js';
import { resourcesFromOpenApi } from './openapi-import.js';
import type { ApiDefinitionStore, ApiStore } from './store.js';
import {
  checkBackendUrl,
  checkContext,
  checkName,
  checkResources,
  checkVersion,
  nestedContexts,
} from './validate.js';

export interface ApiInput {
  readonly name?: unknown;
  readonly context?: unknown;
  readonly version?: unknown;
  readonly description?: unknown;
  readonly productionUrl?: unknown;
  readonly sandboxUrl?: unknown;
  readonly resources?: unknown;
  /** WSO2's corsConfiguration: an object, or null for the Gateway's [apim.cors]. */
  readonly corsConfiguration?: unknown;
  /**
   * WSO2's "Make this the Default Version": the Gateway also serves this version at the context
   * alone, and any other version of the API stops being the default.
   */
  readonly isDefaultVersion?: unknown;
}

function checkDefaultVersion(value: unknown, current: boolean): boolean {
  if (value === undefined) return current;
  if (typeof value !== 'boolean')
    throw new CatalogError('invalid', 'isDefaultVersion: true or false.');
  return value;
}

/** Tells whether an API still has subscriptions (an API with subscribers is not deleted). */
export type HasSubscriptions = (apiId: string) => Promise<boolean>;

/** The Publisher: APIs, their resources and their lifecycle. */
export function createApiService(deps: {
  store: ApiStore;
  /** The OpenAPI documents publishers gave (the Developer Portal shows them). */
  definitions: ApiDefinitionStore;
  hasSubscriptions: HasSubscriptions;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;

  async function mustGet(id: string): Promise<Api> {
    const api = await deps.store.findById(id);
    if (!api) throw new CatalogError('not_found', `No API with id "${id}".`);
    return api;
  }

  /**
   * One API per Gateway path, and no context below another API's: the Gateway routes by the
   * longest path, so "/shop/1.0.0" (any version) would take over part of /shop 1.0.0's
   * resources, and "/shop" would put its versions around another API. Versions of one context
   * are fine ("/shop" 1.0.0 and 2.0.0).
   */
  async function checkPathFree(api: Api): Promise<void> {
    const others = (await deps.store.list()).filter((a) => a.id !== api.id);
    const same = others.find((a) => gatewayPath(a) === gatewayPath(api));
    if (same)
      throw new CatalogError(
        'conflict',
        `Another API (${same.name}) already uses ${gatewayPath(api)}.`,
      );
    const nested = others.find((a) => nestedContexts(a.context, api.context));
    if (nested)
      throw new CatalogError(
        'invalid',
        `context: "${api.context}" overlaps the context "${nested.context}" of the API ${nested.name}; one context may not lie inside another.`,
      );
  }

  return {
    get: mustGet,
    list: (statuses?: readonly Api['status'][]) => deps.store.list(statuses),
    findByNameAndVersion: (name: string, version: string) =>
      deps.store.findByNameAndVersion(name, version),

    async create(input: ApiInput, ownerId: string): Promise<Api> {
      const t = now();
      const api: Api = {
        id: randomUUID(),
        name: checkName(input.name),
        context: checkContext(input.context),
        version: checkVersion(input.version),
        description: typeof input.description === 'string' ? input.description.slice(0, 2000) : '',
        productionUrl: checkBackendUrl('productionUrl', input.productionUrl, false),
        sandboxUrl: checkBackendUrl('sandboxUrl', input.sandboxUrl, true),
        status: 'CREATED',
        ownerId,
        resources: input.resources === undefined ? [] : checkResources(input.resources),
        cors: input.corsConfiguration === undefined ? null : corsFromInput(input.corsConfiguration),
        isDefaultVersion: checkDefaultVersion(input.isDefaultVersion, false),
        createdAt: t,
        updatedAt: t,
      };
      if (await deps.store.findByNameAndVersion(api.name, api.version)) {
        throw new CatalogError(
          'conflict',
          `An API named "${api.name}" version ${api.version} already exists.`,
        );
      }
      await checkPathFree(api);
      await deps.store.create(api);
      return api;
    },

    /** Changes the given fields; name, context and version are fixed once created (like WSO2). */
    async update(id: string, input: ApiInput): Promise<Api> {
      const old = await mustGet(id);
      // A client may send the whole API back; a field that would change is refused, not ignored.
      const fixed = [
        ['name', input.name, checkName, old.name],
        ['context', input.context, checkContext, old.context],
        ['version', input.version, checkVersion, old.version],
      ] as const;
      for (const [field, value, check, current] of fixed) {
        if (value === undefined || value === current) continue;
        check(value); // a malformed or reserved value is named as such
        throw new CatalogError(
          'invalid',
          `${field}: fixed once the API is created (it is "${current}"); create a new API or version instead.`,
        );
      }
      const api: Api = {
        ...old,
        description:
          typeof input.description === 'string'
            ? input.description.slice(0, 2000)
            : old.description,
        productionUrl:
          input.productionUrl === undefined
            ? old.productionUrl
            : checkBackendUrl('productionUrl', input.productionUrl, false),
        sandboxUrl:
          input.sandboxUrl === undefined
            ? old.sandboxUrl
            : checkBackendUrl('sandboxUrl', input.sandboxUrl, true),
        resources: input.resources === undefined ? old.resources : checkResources(input.resources),
        cors:
          input.corsConfiguration === undefined ? old.cors : corsFromInput(input.corsConfiguration),
        isDefaultVersion: checkDefaultVersion(input.isDefaultVersion, old.isDefaultVersion),
        updatedAt: now(),
      };
      await deps.store.update(api);
      // A definition the publisher gave describes the resources it came with: once they
      // change, the Developer Portal shows one made from the new resources instead.
      if (JSON.stringify(api.resources) !== JSON.stringify(old.resources))
        await deps.definitions.remove(id);
      return api;
    },

    async setResources(id: string, resources: readonly ApiResource[]): Promise<Api> {
      const api: Api = { ...(await mustGet(id)), resources, updatedAt: now() };
      await deps.store.update(api);
      await deps.definitions.remove(id);
      return api;
    },

    /**
     * The API's OpenAPI 3 document from its publisher (JSON or YAML): its operations become the
     * resources, and the Developer Portal shows the document itself (WSO2's PUT .../swagger).
     */
    async setDefinition(id: string, document: string): Promise<Api> {
      const resources = resourcesFromOpenApi(document);
      const api: Api = { ...(await mustGet(id)), resources, updatedAt: now() };
      await deps.store.update(api);
      await deps.definitions.put(id, document, now());
      return api;
    },

    /** The document the publisher gave, if any (else the portal makes one from the resources). */
    async definition(id: string): Promise<string | undefined> {
      return deps.definitions.get(id);
    },

    async changeLifecycle(id: string, action: LifecycleAction): Promise<Api> {
      const old = await mustGet(id);
      const api: Api = { ...old, status: nextStatus(old.status, action), updatedAt: now() };
      await deps.store.update(api);
      return api;
    },

    async remove(id: string): Promise<void> {
      await mustGet(id);
      if (await deps.hasSubscriptions(id))
        throw new CatalogError(
          'conflict',
          'The API has subscriptions; remove them (or retire the API) first.',
        );
      await deps.store.remove(id);
    },
  };
}

export type ApiService = ReturnType<typeof createApiService>;
