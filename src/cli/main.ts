#!/usr/bin/env node
import { startCommand } from './commands/start.js';
import { createProgram, isStartCommand, run } from './program.js';

const program = createProgram();
startCommand(program);
// `tollgate start` loads the domains when it runs a server in this process; the primary of
// several workers needs none of them (README "Using every core").
if (!isStartCommand(process.argv)) (await import('./commands/all.js')).otherCommands(program);
await run(program, process.argv);
