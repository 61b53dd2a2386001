import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from './api-error.js';

/** The signed-in user behind a management REST call (Publisher, Developer Portal, Admin). */
export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly roles: readonly string[];
}

/** A user record as the principal of a request: the one place a user becomes a Principal. */
export const principalOf = (user: {
  readonly id: string;
  readonly username: string;
  readonly roles: readonly string[];
}): Principal => ({ userId: user.id, username: user.username, roles: user.roles });

/**
 * Finds who is calling: each method (HTTP Basic for scripts, a session cookie for the web
 * UIs, ...) returns the principal, undefined when its credentials are absent, or throws an
 * ApiError when they are present but wrong.
 */
export type PrincipalResolver = (req: FastifyRequest) => Promise<Principal | undefined>;

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The caller found by the first resolver that knows it; undefined for a visitor. */
export async function findPrincipal(
  resolvers: readonly PrincipalResolver[],
  req: FastifyRequest,
): Promise<Principal | undefined> {
  for (const resolve of resolvers) {
    const principal = await resolve(req);
    if (principal) return principal;
  }
  return undefined;
}

/** A preHandler that admits a caller found by one of the resolvers and, if given, holding one of the roles. */
export function requirePrincipal(
  resolvers: readonly PrincipalResolver[],
  opts: { anyRole?: readonly string[] } = {},
) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const principal = await findPrincipal(resolvers, req);
    if (!principal) throw unauthorized();
    if (opts.anyRole && !opts.anyRole.some((r) => principal.roles.includes(r))) throw forbidden();
    req.principal = principal;
  };
}
