import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { settleSockets } from './settle.js';
export const BACKEND = join(process.cwd(), 'test', 'fixtures', 'backend.mjs');
export async function startBackend(name) {
    const child = spawn(process.execPath, [BACKEND, name, '0'], {
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
            out += d;
            const m = /listening (\d+)/.exec(out);
            if (m)
                resolve(Number(m[1]));
        });
        child.on('exit', () => reject(new Error(`backend ${name} exited: ${out}`)));
    });
    const exited = new Promise((r) => child.on('exit', () => r()));
    return {
        port,
        url: `http://127.0.0.1:${port}`,
        async stop() {
            if (child.exitCode === null && child.signalCode === null)
                child.kill('SIGTERM');
            await exited;
        },
    };
}
export async function http(dispatcher, url, init = {}) {
    await settleSockets();
    const res = await request(url, {
        method: (init.method ?? 'GET'),
        headers: init.headers ?? {},
        body: init.body ?? null,
        dispatcher,
    });
    const text = await res.body.text();
    const headers = {};
    for (const [k, v] of Object.entries(res.headers))
        headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
    let json;
    try {
        json = text ? JSON.parse(text) : undefined;
    }
    catch {
        json = text;
    }
    return { status: res.statusCode, headers, json };
}
/** Repeats `probe` until `done` holds (config sync and caches are eventually consistent), at most ~15 s. */
export async function eventually(probe, done) {
    let last = await probe();
    for (let i = 0; i < 150 && !done(last); i++) {
        await new Promise((r) => setTimeout(r, 100));
        last = await probe();
    }
    return last;
}
//# sourceMappingURL=gateway-setup.js.map