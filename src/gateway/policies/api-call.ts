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
  // Declared, then assigned in the constructor: plain stores, one object shape for every call.
  /** route: the configuration the request is decided on, and the path split from its query. */
  declare table: RoutingTable | undefined;
  declare path: string;
  declare query: string;
  /** route: the API and resource the path and method matched, and the path below the API. */
  declare api: SnapshotApi | undefined;
  declare resource: SnapshotResource | undefined;
  declare rest: string;
  /** credentials: the bearer token (undefined for a resource with auth "none"). */
  declare token: string | undefined;
  /** validate: what the token says (client, end user, scopes). */
  declare caller: TokenInfo | undefined;
  /** subscription: the caller's application's subscription to the API. */
  declare subscription: SnapshotSubscription | undefined;
  /** environment: the backend base URL, production or sandbox. */
  declare backend: string;
  declare readonly req: FastifyRequest;
  declare readonly reply: FastifyReply;

  constructor(req: FastifyRequest, reply: FastifyReply) {
    this.req = req;
    this.reply = reply;
    this.table = undefined;
    this.path = '';
    this.query = '';
    this.api = undefined;
    this.resource = undefined;
    this.rest = '';
    this.token = undefined;
    this.caller = undefined;
    this.subscription = undefined;
    this.backend = '';
  }
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
