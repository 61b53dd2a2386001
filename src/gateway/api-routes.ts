import type { FastifyInstance } from 'fastify';
import { ANSWERED, ApiCall, type Policy } from './policies/api-call.js';
import { gatewayPolicies, type GatewayDeps } from './policies/chain.js';
import { decidedFor, serveApiCallsDirectly } from './direct-calls.js';

export type { GatewayDeps } from './policies/chain.js';

/**
 * Runs the policies in order. Those that decide at once return nothing and the run stays
 * synchronous (a refusal is thrown straight to Fastify); from the first one that has to wait
 * on, each is awaited. A policy that answered itself ends the run.
 */
function run(policies: readonly Policy[], call: ApiCall, from = 0): void | Promise<void> {
  for (let i = from; i < policies.length; i++) {
    const pending = policies[i]!.apply(call);
    if (pending === undefined) continue;
    if (pending === ANSWERED) return;
    // The last policy (the proxy) is the one that waits, usually: no need to wait on it here.
    if (i + 1 === policies.length) return pending as Promise<void>;
    return finish(policies, call, i + 1, pending as Promise<void>);
  }
}

async function finish(
  policies: readonly Policy[],
  call: ApiCall,
  next: number,
  pending: Promise<void>,
): Promise<void> {
  await pending;
  for (let i = next; i < policies.length; i++) {
    const more = policies[i]!.apply(call);
    if (more === ANSWERED) return;
    if (more !== undefined) await more;
  }
}

/** Serves every published API on this server (8243 HTTPS, 8280 HTTP), bodies streamed both ways. */
export function registerApiRoutes(app: FastifyInstance, deps: GatewayDeps): void {
  const policies = gatewayPolicies(deps);
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // The body stays a stream: the proxy pipes it to the backend unread.
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scope.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
      url: '/*',
      handler: (req, reply) => {
        // A refusal the direct path decided (direct-calls.ts): answered by the error renderer.
        const decided = decidedFor(req.raw);
        if (decided !== undefined) throw decided;
        return run(policies, new ApiCall(req, reply));
      },
    });
  });
  if (deps.direct) serveApiCallsDirectly(app, policies, run);
}
