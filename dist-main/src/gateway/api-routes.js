import { ANSWERED, ApiCall } from './policies/api-call.js';
import { gatewayPolicies } from './policies/chain.js';
/**
 * Runs the policies in order. Those that decide at once return nothing and the run stays
 * synchronous (a refusal is thrown straight to Fastify); from the first one that has to wait
 * on, each is awaited. A policy that answered itself ends the run.
 */
function run(policies, call) {
    for (let i = 0; i < policies.length; i++) {
        const pending = policies[i].apply(call);
        if (pending === undefined)
            continue;
        if (pending === ANSWERED)
            return;
        return finish(policies, call, i + 1, pending);
    }
}
async function finish(policies, call, next, pending) {
    await pending;
    for (let i = next; i < policies.length; i++) {
        const more = policies[i].apply(call);
        if (more === ANSWERED)
            return;
        if (more !== undefined)
            await more;
    }
}
/** Serves every published API on this server (8243 HTTPS, 8280 HTTP), bodies streamed both ways. */
export function registerApiRoutes(app, deps) {
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
//# sourceMappingURL=api-routes.js.map