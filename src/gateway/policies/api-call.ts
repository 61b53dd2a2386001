import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { CompiledApi, RoutingTable } from '../routing-table.js';
import type { SnapshotApi, SnapshotResource, SnapshotSubscription } from '../snapshot.js';
import type { TokenInfo } from '../token-validator.js';

/** What the policies read of a request: a FastifyRequest, or the direct path's own (api-routes.ts). */
export interface CallRequest {
  readonly raw: IncomingMessage;
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  /** The client's address (X-Forwarded-For only from trusted proxies). */
  readonly ip: string;
  /** The request body, unread (a stream), when it has one. */
  readonly body: unknown;
  readonly log: {
    debug(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
  };
}

/** What the policies do with the answer: a FastifyReply, or the direct path's own. */
export interface CallReply {
  readonly raw: ServerResponse;
  code(status: number): CallReply;
  headers(values: Readonly<Record<string, string | number>>): CallReply;
  send(payload?: unknown): CallReply;
  /** The answer is written to `raw` by the caller from now on. */
  hijack(): unknown;
}

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
  /** route: the API the path is below, and the path below it. */
  declare compiled: CompiledApi | undefined;
  declare api: SnapshotApi | undefined;
  declare rest: string;
  /** cors: the CORS headers every answer to this cross-origin call carries. */
  declare answerHeaders: Readonly<Record<string, string>> | undefined;
  /** resource: the resource the method and path matched. */
  declare resource: SnapshotResource | undefined;
  /** credentials: the bearer token (undefined for a resource with auth "none"). */
  declare token: string | undefined;
  /** validate: what the token says (client, end user, scopes). */
  declare caller: TokenInfo | undefined;
  /** subscription: the caller's application's subscription to the API. */
  declare subscription: SnapshotSubscription | undefined;
  /** environment: the backend base URL, production or sandbox. */
  declare backend: string;
  /** backend jwt: the signed JWT that tells the backend who calls. */
  declare assertion: string | undefined;
  declare readonly req: CallRequest;
  declare readonly reply: CallReply;

  constructor(req: CallRequest, reply: CallReply) {
    this.req = req;
    this.reply = reply;
    this.table = undefined;
    this.path = '';
    this.query = '';
    this.compiled = undefined;
    this.api = undefined;
    this.rest = '';
    this.answerHeaders = undefined;
    this.resource = undefined;
    this.token = undefined;
    this.caller = undefined;
    this.subscription = undefined;
    this.backend = '';
    this.assertion = undefined;
  }
}

/** What a policy returns when it has answered the request itself: the policies after it do not run. */
export const ANSWERED: unique symbol = Symbol('answered');

/**
 * One named step of the Gateway's checks. `apply` lets the call go on by returning (nothing, or
 * a promise of nothing when it has to wait), refuses it by throwing its Gateway fault, which the
 * one error renderer answers, or answers it itself and returns ANSWERED. A policy that has
 * nothing to decide returns at once, without a promise.
 */
export interface Policy {
  readonly name: string;
  apply(call: ApiCall): void | Promise<void> | typeof ANSWERED;
}
