import type { Command } from 'commander';
import { apiCommands } from './api.js';
import { appCommands } from './app.js';
import { auditCommands } from './audit.js';
import { cleanupCommand } from './cleanup.js';
import { keysCommands } from './keys.js';
import { reportCommands } from './report.js';
import { scopeCommands } from './scope.js';
import { subscriptionCommands } from './subscription.js';
import { tokenCommands } from './token.js';
import { userCommands } from './user.js';

/** Every command but `start`, in the order `tollgate --help` lists them. */
export function otherCommands(program: Command): void {
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
}
