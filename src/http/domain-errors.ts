import { HashingOverloadedError, IdentityError } from '../identity/index.js';
import { ApplicationError } from '../keymanager/applications.js';
import { DuplicateError } from '../store/errors.js';
import { ApiError, badRequest, conflict, notFound } from './api-error.js';

/** The management REST answer for an error a domain throws on bad input; undefined for others. */
export function domainApiError(err: unknown): ApiError | undefined {
  if (err instanceof DuplicateError) return conflict(err.message);
  if (err instanceof ApplicationError) {
    return err.code === 'not_found'
      ? notFound(err.message)
      : err.code === 'exists'
        ? conflict(err.message)
        : badRequest(err.message);
  }
  if (err instanceof IdentityError) {
    return err.code === 'user_not_found'
      ? notFound(err.message)
      : err.code === 'user_exists'
        ? conflict(err.message)
        : badRequest(err.message);
  }
  if (err instanceof HashingOverloadedError) {
    return new ApiError(
      503,
      'Service Unavailable',
      'Too many sign-in attempts are in progress; retry shortly.',
      { headers: { 'retry-after': '1' } },
    );
  }
  return undefined;
}
