import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config/index.js';

/** The instance directory: --home, else TOLLGATE_HOME, else the current directory. */
export function homeOf(cmd: Command): string {
  const opts = cmd.optsWithGlobals<{ home?: string }>();
  return resolve(opts.home ?? process.env['TOLLGATE_HOME'] ?? process.cwd());
}

export function configOf(cmd: Command, overrides: Record<string, unknown> = {}): Config {
  return loadConfig(homeOf(cmd), overrides);
}
