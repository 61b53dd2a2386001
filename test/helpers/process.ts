import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');

/** Runs `tollgate ...args` against a home directory, like a user in a shell. */
export function tollgate(
  home: string,
  ...args: string[]
): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, '--home', home, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function writeDeploymentToml(home: string, toml: string): void {
  mkdirSync(join(home, 'conf'), { recursive: true });
  writeFileSync(join(home, 'conf', 'deployment.toml'), toml);
}

export interface ServerProcess {
  readonly child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `tollgate start` as a child process and waits for its ready line. One process
 * (`--workers 1`) unless `args` says otherwise: the suite runs many servers at once on a few
 * cores, and the several-worker path has its own test (test/e2e/workers.test.ts).
 */
export async function startServerProcess(
  home: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const workers = args.some((a) => a.startsWith('--workers')) ? [] : ['--workers', '1'];
  const child = spawn(process.execPath, [CLI, '--home', home, 'start', ...workers, ...args], {
    env: { ...process.env, TOLLGATE_ADMIN_PASSWORD: 'Admin-Password-For-Tests', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in 30 s:\n${out}`)), 30_000);
    const check = () => {
      if (out.includes('Tollgate ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`server exited early:\n${out}`));
    });
  });
  return {
    child,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
