import type { FastifyInstance, FastifyReply } from 'fastify';
import { ApiCall, type Policy } from './policies/api-call.js';
import { gatewayPolicies, type GatewayDeps } from './policies/chain.js';

export type { GatewayDeps } from './policies/chain.js';

/**
 * Runs the policies in order. Those that decide at once return nothing and the run stays
 * synchronous (a refusal is thrown straight to Fastify); from the first one that has to wait
 * on, each is awaited.
 */
function run(policies: readonly Policy[], call: ApiCall): FastifyReply | Promise<FastifyReply> {
  for (let i = 0; i < policies.length; i++) {
    const pending = policies[i]!.apply(call);
    if (pending !== undefined) return finish(policies, call, i + 1, pending);
  }
  return call.reply;
}

async function finish(
  policies: readonly Policy[],
  call: ApiCall,
  next: number,
  pending: Promise<void>,
): Promise<FastifyReply> {
  await pending;
  for (let i = next; i < policies.length; i++) {
    const more = policies[i]!.apply(call);
    if (more !== undefined) await more;
  }
  return call.reply;
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
      handler: (req, reply) => run(policies, new ApiCall(req, reply)),
    });
  });
}
