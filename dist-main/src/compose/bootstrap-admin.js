import { randomBytes } from 'node:crypto';
import { ADMIN_ROLE } from '../identity/index.js';
/**
 * First start: create the administrator (ASVS 5.0 6.3.2: no default admin/admin). The password
 * comes from TOLLGATE_ADMIN_PASSWORD or is generated and printed once.
 */
export async function bootstrapAdmin(services, print) {
    if ((await services.users.count()) > 0)
        return;
    const given = process.env['TOLLGATE_ADMIN_PASSWORD'];
    const password = given && given.length > 0 ? given : randomBytes(18).toString('base64url');
    const username = services.config.identity.adminUsername;
    await services.users.create({ username, password, roles: [ADMIN_ROLE] });
    if (given)
        print(`Created administrator "${username}" with the password from TOLLGATE_ADMIN_PASSWORD.`);
    else
        print(`Created administrator "${username}" with password: ${password}\n(shown once; change it with: tollgate user set-password ${username} --password NEW)`);
}
//# sourceMappingURL=bootstrap-admin.js.map