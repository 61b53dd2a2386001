import type { FastifyRequest } from 'fastify';
import type { AuditEvent } from '../audit/index.js';
import { basicPrincipal } from '../http/basic-principal.js';
import { principalOf, type PrincipalResolver } from '../http/principal.js';
import { HashingOverloadedError, type UserService } from '../identity/index.js';

export interface AdminAuthDeps {
  readonly users: UserService;
  readonly audit: (event: AuditEvent) => void;
  readonly now: () => number;
}

/**
 * HTTP Basic for the management REST APIs, checked like a password grant: the same lockout
 * (R22), the same bounded hashing pool whose overload is a 503, not a 500 (R55: the error
 * answers for itself), and the same audit trail for a refusal.
 */
export function basicAdminResolver(deps: AdminAuthDeps): PrincipalResolver {
  return (req: FastifyRequest) =>
    basicPrincipal(async (username, password) => {
      let result;
      try {
        result = await deps.users.authenticate(username, password);
      } catch (err) {
        if (err instanceof HashingOverloadedError) {
          deps.audit({
            at: deps.now(),
            type: 'request.shed',
            reason: 'hash_queue_full',
            username: null,
            consumerKey: null,
            ip: req.ip,
            detail: 'management api',
          });
        }
        throw err;
      }
      if (result.ok) return principalOf(result.user);
      deps.audit({
        at: deps.now(),
        type: 'login.failed',
        reason: result.reason,
        username: result.user?.username ?? null,
        consumerKey: null,
        ip: req.ip,
        detail: 'management api',
      });
      return undefined;
    })(req);
}
