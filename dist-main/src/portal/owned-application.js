import { notFound } from '../http/api-error.js';
import { checkEnvironment } from '../keymanager/index.js';
/** The signed-in user's application named by `:id`; another user's is "not found" (no probing). */
export async function ownedApplication(applications, req) {
    const { id } = req.params;
    const app = await applications.findById(id);
    if (!app || app.ownerId !== req.principal.userId)
        throw notFound('No such application.');
    return app;
}
export const environmentParam = (req) => checkEnvironment(req.params.env);
export function applicationView(app) {
    return {
        id: app.id,
        name: app.name,
        description: app.description,
        tokenType: app.tokenType,
        throttlingPolicy: app.throttlingPolicy,
        grantTypes: app.grantTypes,
        createdAt: app.createdAt,
    };
}
/** A JSON body as an object; anything else is treated as empty (each route checks its fields). */
export const jsonBody = (req) => req.body !== null && typeof req.body === 'object' && !Array.isArray(req.body)
    ? req.body
    : {};
//# sourceMappingURL=owned-application.js.map