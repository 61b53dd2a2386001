import type { Command } from 'commander';
import { createServices, type Services } from '../compose/index.js';
import { configOf } from './home.js';

export { configOf, homeOf } from './home.js';

export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Runs a command against the instance's database and always closes it. */
export async function withServices<T>(cmd: Command, work: (s: Services) => Promise<T>): Promise<T> {
  const services = await createServices(configOf(cmd));
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain table: one row per line, columns padded. */
export function printTable(headers: readonly string[], rows: readonly (readonly string[])[]): void {
  if (rows.length === 0) {
    process.stdout.write('(none)\n');
    return;
  }
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${[line(headers), ...rows.map(line)].join('\n')}\n`);
}

export const iso = (ms: number) => new Date(ms).toISOString();
