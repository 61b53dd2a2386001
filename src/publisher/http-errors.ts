import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, badRequest, conflict, notFound } from '../http/api-error.js';
import { renderError } from '../http/error-renderer.js';
import { IdentityError } from '../identity/index.js';
import { OAuthError } from '../keymanager/index.js';
import { CatalogError } from './errors.js';

/** Domain errors of the catalog REST APIs as ApiErrors, then the one renderer. */
export function toApiError(err: unknown): unknown {
  if (err instanceof CatalogError) {
    return err.kind === 'not_found'
      ? notFound(err.message)
      : err.kind === 'conflict'
        ? conflict(err.message)
        : badRequest(err.message);
  }
  if (err instanceof IdentityError) return badRequest(err.message);
  if (err instanceof OAuthError && err.status === 400) return badRequest(err.description);
  return err;
}

export function useCatalogErrors(scope: FastifyInstance): void {
  scope.setErrorHandler((err: FastifyError | Error, req, reply) => {
    const mapped = toApiError(err);
    return renderError(mapped instanceof ApiError ? mapped : (mapped as Error), req, reply);
  });
}
