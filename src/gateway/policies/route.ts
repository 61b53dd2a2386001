import { ambiguousPath, noApi, notConfigured } from '../faults.js';
import type { ConfigSync } from '../config-sync.js';
import { canonicalPath } from '../routing-table.js';
import type { ApiCall, Policy } from './api-call.js';

/** The route policy; `locate` is its decision without the refusal, for a caller that has another way to answer. */
export interface RoutePolicy extends Policy {
  readonly name: 'route';
  /** Fills the call's API and paths and says true, or says false where `apply` would refuse. */
  locate(call: ApiCall): boolean;
}

export const isRoutePolicy = (policy: Policy): policy is RoutePolicy =>
  policy.name === 'route' && typeof (policy as Partial<RoutePolicy>).locate === 'function';

/**
 * Which API the request is for, decided on the path the backend will see (R47): 503 until a
 * configuration arrived, 400 for an ambiguous path, 404 where no API is served.
 */
export function route(sync: ConfigSync): RoutePolicy {
  // Why a path has no API, without building the refusal (an Error and its stack): the direct
  // path asks this of every Token API and health request on the Gateway's ports.
  const miss = (call: ApiCall): typeof notConfigured | undefined => {
    const table = sync.table();
    if (!table) return notConfigured;
    const target = canonicalPath(call.req.raw.url ?? '/');
    if (!target) return ambiguousPath;
    const found = table.findApi(target.path);
    if (!found) return noApi;
    call.table = table;
    call.path = target.path;
    call.query = target.query;
    call.compiled = found;
    call.api = found.api;
    call.rest = target.path.slice(found.path.length) || '/';
    return undefined;
  };
  return {
    name: 'route',
    apply(call) {
      const refusal = miss(call);
      if (refusal) throw refusal();
    },
    locate: (call) => miss(call) === undefined,
  };
}
