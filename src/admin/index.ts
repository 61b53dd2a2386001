export { registerAdminRoutes, ADMIN_BASE, type AdminRouteDeps } from './routes.js';
export { auditView } from './audit-routes.js';
export { parseSince } from './since.js';
export { passwordGrantReport, type PasswordGrantReport } from './password-grant-report.js';
export { reportDays } from './report-routes.js';
