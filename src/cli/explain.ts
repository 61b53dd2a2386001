import { ConfigError } from '../config/index.js';
import { IdentityError } from '../identity/index.js';
import { ApplicationError, OAuthError } from '../keymanager/index.js';
import { CatalogError } from '../publisher/index.js';
import { DuplicateError, isStoreUnavailable } from '../store/index.js';
import { CliError } from './context.js';

/** Errors a user can act on are one readable sentence; anything else says it is unexpected. */
export function explain(err: unknown): string {
  if (
    err instanceof CliError ||
    err instanceof ConfigError ||
    err instanceof IdentityError ||
    err instanceof ApplicationError ||
    err instanceof DuplicateError ||
    err instanceof CatalogError
  ) {
    return err.message;
  }
  if (err instanceof OAuthError) return err.description;
  if (isStoreUnavailable(err)) return `the database is unavailable (${(err as Error).message})`;
  return `unexpected failure: ${err instanceof Error ? err.message : String(err)}`;
}
