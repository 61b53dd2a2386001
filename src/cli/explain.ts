import { ConfigError } from '../config/index.js';
import { isExposed } from '../http/error-renderer.js';
import { OAuthError } from '../keymanager/index.js';
import { isStoreUnavailable } from '../store/index.js';
import { CliError } from './context.js';

/**
 * Errors a user can act on are one readable sentence: the CLI's and the config's own, and every
 * error a domain marks as written for its user (`expose`, the same test the HTTP renderer uses,
 * so a new domain error reads the same in the CLI without being listed here); anything else
 * says it is unexpected.
 */
export function explain(err: unknown): string {
  if (err instanceof OAuthError) return err.description;
  if (err instanceof CliError || err instanceof ConfigError || isExposed(err)) return err.message;
  if (isStoreUnavailable(err)) return `the database is unavailable (${(err as Error).message})`;
  return `unexpected failure: ${err instanceof Error ? err.message : String(err)}`;
}
