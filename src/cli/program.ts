import { Command, CommanderError } from 'commander';

/** The `tollgate` program with its global options and no command yet. */
export function createProgram(): Command {
  return new Command('tollgate')
    .description(
      'Tollgate API manager: OAuth2 Key Manager, API Gateway, Developer Portal and Publisher.',
    )
    .option(
      '--home <dir>',
      'instance directory holding conf/ and data/ (default: $TOLLGATE_HOME or the current directory)',
    )
    .showHelpAfterError()
    .exitOverride();
}

/** Runs the command line; a failure is one sentence on stderr and exit code 1. */
export async function run(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode);
    // Loaded only now: it knows every domain's errors, which `tollgate start` need not load.
    const { explain } = await import('./explain.js');
    process.stderr.write(`tollgate: ${explain(err)}\n`);
    process.exit(1);
  }
}

/** True when the command is `start` (global options such as --home may come first). */
export function isStartCommand(argv: readonly string[]): boolean {
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--home') i++;
    else if (!a.startsWith('-')) return a === 'start';
  }
  return false;
}
