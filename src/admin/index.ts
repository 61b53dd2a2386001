export { registerAdminRoutes, type AdminRouteDeps } from './routes.js';
export { auditView } from './audit-routes.js';
export { parseSince } from './since.js';
