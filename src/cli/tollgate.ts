import { startCommand } from './commands/start.js';
import { createProgram, isStartCommand, run } from './program.js';

/** The `tollgate` command line (main.ts runs it, from the bundle when there is a current one). */
const program = createProgram();
startCommand(program);
// `tollgate start` loads the domains when it runs a server in this process; the primary of
// several workers needs none of them (README "Using every core").
if (!isStartCommand(process.argv)) (await import('./commands/all.js')).otherCommands(program);
await run(program, process.argv);
