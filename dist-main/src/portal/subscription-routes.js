import { badRequest } from '../http/api-error.js';
import { obj, params, query, str } from '../http/route-schema.js';
/** Developer Portal REST: the caller's own applications' subscriptions (WSO2 field names). */
export function registerSubscriptionRoutes(app, deps) {
    app.register(async (scope) => {
        const { subscriptions } = deps;
        const view = (s) => ({
            subscriptionId: s.id,
            applicationId: s.applicationId,
            apiId: s.apiId,
            throttlingPolicy: s.tier,
            createdTime: s.createdAt,
        });
        const listed = {
            summary: "The caller's applications' subscriptions (?applicationId=)",
            querystring: query({ applicationId: str() }),
        };
        scope.get('/subscriptions', { schema: listed }, async (req) => {
            const list = (await subscriptions.list(req.principal, req.query.applicationId)).map(view);
            return { count: list.length, list };
        });
        const subscribe = {
            summary: 'Subscribe an application to a published API with a tier',
            body: obj({ applicationId: str(), apiId: str(), throttlingPolicy: str() }, [
                'applicationId',
                'apiId',
                'throttlingPolicy',
            ]),
            successStatus: 201,
        };
        scope.post('/subscriptions', { schema: subscribe }, async (req, reply) => {
            const b = (req.body ?? {});
            if (typeof b.applicationId !== 'string' ||
                typeof b.apiId !== 'string' ||
                typeof b.throttlingPolicy !== 'string') {
                throw badRequest('applicationId, apiId and throttlingPolicy are required.');
            }
            const sub = await subscriptions.subscribe(req.principal, {
                applicationId: b.applicationId,
                apiId: b.apiId,
                tier: b.throttlingPolicy,
            });
            return reply.code(201).send(view(sub));
        });
        const remove = { summary: 'Remove a subscription', params: params('id'), successStatus: 204 };
        scope.delete('/subscriptions/:id', { schema: remove }, async (req, reply) => {
            await subscriptions.unsubscribe(req.principal, req.params.id);
            return reply.code(204).send();
        });
    });
}
//# sourceMappingURL=subscription-routes.js.map