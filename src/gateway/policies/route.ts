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
      const match = table.match(call.req.method, target.path);
      if (match.kind === 'no_api') throw noApi();
      if (match.kind === 'no_resource') throw noResource();
      if (match.kind === 'method_not_allowed') throw methodNotAllowed(match.allow);
      call.table = table;
      call.path = target.path;
      call.query = target.query;
      call.api = match.api.api;
      call.resource = match.resource;
      call.rest = match.rest;
    },
  };
}
