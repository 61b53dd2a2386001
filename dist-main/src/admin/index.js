export { registerAdminRoutes, ADMIN_BASE } from './routes.js';
export { auditView } from './audit-routes.js';
export { parseSince } from './since.js';
export { passwordGrantReport } from './password-grant-report.js';
export { reportDays } from './report-routes.js';
//# sourceMappingURL=index.js.map