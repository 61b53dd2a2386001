#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/index.js';
import { IdentityError } from '../identity/index.js';
import { ApplicationError, OAuthError } from '../keymanager/index.js';
import { CatalogError } from '../publisher/index.js';
import { DuplicateError, isStoreUnavailable } from '../store/index.js';
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
    .description('Tollgate API manager: OAuth2 Key Manager, API Gateway, Developer Portal and Publisher.')
    .option('--home <dir>', 'instance directory holding conf/ and data/ (default: $TOLLGATE_HOME or the current directory)')
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
/** Errors a user can act on are one readable sentence; anything else says it is unexpected. */
function explain(err) {
    if (err instanceof CliError ||
        err instanceof ConfigError ||
        err instanceof IdentityError ||
        err instanceof ApplicationError ||
        err instanceof DuplicateError ||
        err instanceof CatalogError) {
        return err.message;
    }
    if (err instanceof OAuthError)
        return err.description;
    if (isStoreUnavailable(err))
        return `the database is unavailable (${err.message})`;
    return `unexpected failure: ${err instanceof Error ? err.message : String(err)}`;
}
try {
    await program.parseAsync(process.argv);
}
catch (err) {
    if (err instanceof CommanderError)
        process.exit(err.exitCode);
    process.stderr.write(`tollgate: ${explain(err)}\n`);
    process.exit(1);
}
//# sourceMappingURL=main.js.map