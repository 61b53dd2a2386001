import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
export const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');
/** Runs `tollgate ...args` against a home directory, like a user in a shell. */
export function tollgate(home, ...args) {
    const r = spawnSync(process.execPath, [CLI, '--home', home, ...args], {
        encoding: 'utf8',
        timeout: 60_000,
    });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
export function writeDeploymentToml(home, toml) {
    mkdirSync(join(home, 'conf'), { recursive: true });
    writeFileSync(join(home, 'conf', 'deployment.toml'), toml);
}
/** Starts `tollgate start` as a child process and waits for its ready line. */
export async function startServerProcess(home, args = [], env = {}) {
    const child = spawn(process.execPath, [CLI, '--home', home, 'start', ...args], {
        env: { ...process.env, TOLLGATE_ADMIN_PASSWORD: 'Admin-Password-For-Tests', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server not ready in 30 s:\n${out}`)), 30_000);
        const check = () => {
            if (out.includes('Tollgate ready')) {
                clearTimeout(timer);
                resolve();
            }
        };
        child.stdout.on('data', check);
        child.on('exit', () => {
            clearTimeout(timer);
            reject(new Error(`server exited early:\n${out}`));
        });
    });
    return {
        child,
        output: () => out,
        async stop(signal = 'SIGTERM') {
            if (child.exitCode !== null || child.signalCode !== null)
                return child.exitCode;
            child.kill(signal);
            return exited;
        },
    };
}
//# sourceMappingURL=process.js.map