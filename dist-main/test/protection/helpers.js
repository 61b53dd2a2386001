import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { basic, postForm, } from '../helpers/tollgate.js';
export const ADMIN = basic('admin', 'Admin-Password-For-Tests');
/** What a client can observe of an answer, minus the Date header. */
export function observable(r) {
    const { date: _date, ...headers } = r.headers;
    return { status: r.status, body: r.text, headers };
}
export function passwordGrant(server, fx, username, password, headers = {}) {
    return postForm(server, `${server.gateway}/token`, { grant_type: 'password', username, password }, { authorization: fx.authorization, ...headers });
}
/**
 * The audit log as an administrator reads it from their own machine: from another loopback
 * address, since the tests' own address is often the one they got throttled (and an admin's
 * password over Basic is a password like any other).
 */
export async function auditEvents(server, query = '') {
    const ca = readFileSync(join(server.home, 'data', 'tls', 'cert.pem'), 'utf8');
    const adminDesk = new Agent({ connect: { ca }, localAddress: '127.0.0.2' });
    try {
        const res = await request(`${server.management}/api/admin/v1/audit-events${query}`, {
            headers: { authorization: ADMIN },
            dispatcher: adminDesk,
        });
        const text = await res.body.text();
        if (res.statusCode !== 200)
            throw new Error(`audit listing failed: ${res.statusCode} ${text}`);
        return JSON.parse(text).list;
    }
    finally {
        await adminDesk.close();
    }
}
export const INVALID_GRANT = {
    error: 'invalid_grant',
    error_description: 'The user credentials are invalid.',
};
//# sourceMappingURL=helpers.js.map