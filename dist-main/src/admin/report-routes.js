import { badRequest } from '../http/api-error.js';
import { query, str } from '../http/route-schema.js';
import { passwordGrantReport } from './password-grant-report.js';
/** The days a report looks back: an integer from 1 to 3650, 90 when not given. */
export function reportDays(value) {
    if (value === undefined)
        return 90;
    const n = Number(value);
    return /^\d+$/.test(value) && n >= 1 && n <= 3650 ? n : undefined;
}
/** Admin: GET /api/admin/v1/reports/password-grant?days=90, the password-grant retirement report. */
export function registerReportRoutes(app, deps) {
    const schema = {
        summary: 'Password-grant retirement report: applications and users that obtained password-grant tokens in the last ?days=90 (1-3650), and applications that allow the grant unused',
        querystring: query({ days: str() }),
    };
    app.get('/reports/password-grant', { schema }, async (req) => {
        const days = reportDays(req.query.days);
        if (days === undefined)
            throw badRequest('days must be an integer from 1 to 3650.');
        return passwordGrantReport({
            statistics: deps.statistics,
            applications: () => deps.applications.list(),
            users: () => deps.users.list(),
            now: deps.now(),
            days,
        });
    });
}
//# sourceMappingURL=report-routes.js.map