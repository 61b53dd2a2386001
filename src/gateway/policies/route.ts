import { ambiguousPath, methodNotAllowed, noApi, noResource, notConfigured } from '../faults.js';
import type { ConfigSync } from '../config-sync.js';
import { canonicalPath } from '../routing-table.js';
import type { Policy } from './api-call.js';

/**
 * Which API and resource the request is for, decided on the path the backend will see (R47):
 * 503 until a configuration arrived, 400 for an ambiguous path, 404 / 404 900906 / 405.
 */
export function route(sync: ConfigSync): Policy {
  return {
    name: 'route',
    apply(call) {
      const table = sync.table();
      if (!table) throw notConfigured();
      const target = canonicalPath(call.req.raw.url ?? '/');
      if (!target) throw ambiguousPath();
      const found = table.findApi(target.path);
      if (!found) throw noApi();
      const rest = target.path.slice(found.api.path.length) || '/';
      const resource = table.findResource(found, call.req.method, rest);
      if (!resource) {
        const allow = table.methodsOn(found, rest);
        throw allow.length === 0 ? noResource() : methodNotAllowed(allow);
      }
      call.table = table;
      call.path = target.path;
      call.query = target.query;
      call.api = found.api;
      call.resource = resource;
      call.rest = rest;
    },
  };
}
