import { resolve } from 'node:path';
import { createServices } from '../compose/index.js';
import { loadConfig } from '../config/index.js';
export class CliError extends Error {
    name = 'CliError';
}
/** The instance directory: --home, else TOLLGATE_HOME, else the current directory. */
export function homeOf(cmd) {
    const opts = cmd.optsWithGlobals();
    return resolve(opts.home ?? process.env['TOLLGATE_HOME'] ?? process.cwd());
}
export function configOf(cmd) {
    return loadConfig(homeOf(cmd));
}
/** Runs a command against the instance's database and always closes it. */
export async function withServices(cmd, work) {
    const services = await createServices(configOf(cmd));
    try {
        return await work(services);
    }
    finally {
        await services.close();
    }
}
export function printJson(value) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
/** A plain table: one row per line, columns padded. */
export function printTable(headers, rows) {
    if (rows.length === 0) {
        process.stdout.write('(none)\n');
        return;
    }
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    process.stdout.write(`${[line(headers), ...rows.map(line)].join('\n')}\n`);
}
export const iso = (ms) => new Date(ms).toISOString();
//# sourceMappingURL=context.js.map