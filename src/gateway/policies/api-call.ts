import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RoutingTable } from '../routing-table.js';
import type { SnapshotApi, SnapshotResource, SnapshotSubscription } from '../snapshot.js';
import type { TokenInfo } from '../token-validator.js';

/**
 * One request below a published API on its way through the policies. Each field is written by
 * exactly one policy, named beside it, and only read by the policies after it; one object per
 * request, so the chain allocates nothing more than the checks themselves need.
 */
export class ApiCall {
  /** route: the configuration the request is decided on, and the path split from its query. */
  table: RoutingTable | undefined = undefined;
  path = '';
  query = '';
  /** route: the API and resource the path and method matched, and the path below the API. */
  api: SnapshotApi | undefined = undefined;
  resource: SnapshotResource | undefined = undefined;
  rest = '';
  /** credentials: the bearer token (undefined for a resource with auth "none"). */
  token: string | undefined = undefined;
  /** validate: what the token says (client, end user, scopes). */
  caller: TokenInfo | undefined = undefined;
  /** subscription: the caller's application's subscription to the API. */
  subscription: SnapshotSubscription | undefined = undefined;
  /** environment: the backend base URL, production or sandbox. */
  backend = '';

  constructor(
    readonly req: FastifyRequest,
    readonly reply: FastifyReply,
  ) {}
}

/**
 * One named step of the Gateway's checks. `apply` lets the call go on by returning (nothing, or
 * a promise of nothing when it has to wait), or refuses it by throwing its Gateway fault, which
 * the one error renderer answers. A policy that has nothing to decide returns at once, without
 * a promise.
 */
export interface Policy {
  readonly name: string;
  apply(call: ApiCall): void | Promise<void>;
}
