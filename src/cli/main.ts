#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/index.js';
import { isExposed } from '../http/error-renderer.js';
import { OAuthError } from '../keymanager/index.js';
import { isStoreUnavailable } from '../store/index.js';
import { apiCommands } from './commands/api.js';
import { appCommands } from './commands/app.js';
import { auditCommands } from './commands/audit.js';
import { reportCommands } from './commands/report.js';
import { cleanupCommand } from './commands/cleanup.js';
import { keysCommands } from './commands/keys.js';
import { scopeCommands } from './commands/scope.js';
import { startCommand } from './commands/start.js';
import { subscriptionCommands } from './commands/subscription.js';
import { tokenCommands } from './commands/token.js';
import { userCommands } from './commands/user.js';
import { CliError } from './context.js';

const program = new Command('tollgate')
  .description(
    'Tollgate API manager: OAuth2 Key Manager, API Gateway, Developer Portal and Publisher.',
  )
  .option(
    '--home <dir>',
    'instance directory holding conf/ and data/ (default: $TOLLGATE_HOME or the current directory)',
  )
  .showHelpAfterError()
  .exitOverride();

startCommand(program);
userCommands(program);
scopeCommands(program);
appCommands(program);
keysCommands(program);
tokenCommands(program);
apiCommands(program);
subscriptionCommands(program);
auditCommands(program);
reportCommands(program);
cleanupCommand(program);

/**
 * Errors a user can act on are one readable sentence: the CLI's and the config's own, and every
 * error a domain marks as written for its user (`expose`, the same test the HTTP renderer uses,
 * so a new domain error reads the same in the CLI without being listed here); anything else
 * says it is unexpected.
 */
function explain(err: unknown): string {
  if (err instanceof OAuthError) return err.description;
  if (err instanceof CliError || err instanceof ConfigError || isExposed(err)) return err.message;
  if (isStoreUnavailable(err)) return `the database is unavailable (${(err as Error).message})`;
  return `unexpected failure: ${err instanceof Error ? err.message : String(err)}`;
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  process.stderr.write(`tollgate: ${explain(err)}\n`);
  process.exit(1);
}
