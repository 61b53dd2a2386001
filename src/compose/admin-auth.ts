import { ApiError } from '../http/api-error.js';
import { basicPrincipal } from '../http/basic-principal.js';
import type { PrincipalResolver } from '../http/principal.js';
import { HashingOverloadedError, type UserService } from '../identity/index.js';

/**
 * HTTP Basic for the management REST APIs, checked like a password grant: the same lockout
 * (R22) and the same bounded hashing pool, whose overload is a 503, not a 500 (R55).
 */
export function basicAdminResolver(users: UserService): PrincipalResolver {
  return basicPrincipal(async (username, password) => {
    let result;
    try {
      result = await users.authenticate(username, password);
    } catch (err) {
      if (err instanceof HashingOverloadedError) {
        throw new ApiError(503, 'Service Unavailable', 'Too many sign-in attempts are in progress; retry shortly.', { headers: { 'retry-after': '1' } });
      }
      throw err;
    }
    return result.ok ? { userId: result.user.id, username: result.user.username, roles: result.user.roles } : undefined;
  });
}
