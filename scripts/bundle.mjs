#!/usr/bin/env node
// Bundles the compiled CLI (dist/src/cli/tollgate.js), the password-hashing worker and the
// SQLite checkpoint worker into dist/src/bundle/ with esbuild: `tollgate start` then reads a
// few files instead of about a thousand modules (ESM resolution of each was most of its time
// to ready; README "Start-up").
// dist/src/cli/main.js runs the bundle while it is at least as new as main.js itself.
//
// The bundle lies at the same depth as every dist/src/<domain>/ folder, so the paths the code
// makes from import.meta.url (web/, node_modules/, the workers' files beside their callers)
// hold in both. Left outside it, loaded from node_modules as before: native addons, packages
// that start worker threads from their own files, and those loaded only when a feature needs
// them.
import { rmSync } from 'node:fs';

const OUT = 'dist/src/bundle';

rmSync(OUT, { recursive: true, force: true });
// A checkout whose node_modules predates esbuild still builds and runs, from the compiled
// modules (slower to start), until `npm install` brings it.
const esbuild = await import('esbuild').catch(() => undefined);
if (!esbuild) {
  console.warn('esbuild is not installed (run npm install): tollgate runs without the bundle');
  process.exit(0);
}
await esbuild.build({
  entryPoints: {
    tollgate: 'dist/src/cli/tollgate.js',
    'hash-worker': 'dist/src/identity/hash-worker.js',
    'sqlite-checkpoint-worker': 'dist/src/store/sqlite-checkpoint-worker.js',
  },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: [
    // native addons
    'better-sqlite3',
    '@node-rs/argon2',
    // start worker threads from files of their own
    'piscina',
    'pino',
    // loaded only when a feature needs them (PostgreSQL, Redis, a backend call, a first start,
    // a YAML import, a terminal, a new password, the API console)
    'pg',
    'ioredis',
    'undici',
    'selfsigned',
    'yaml',
    'pino-pretty',
    '@zxcvbn-ts/language-common',
    'swagger-ui-dist',
  ],
  // CommonJS packages inside an ES module bundle call require() for node's built-in modules.
  banner: {
    js: "import { createRequire as __tollgateRequire } from 'node:module'; const require = __tollgateRequire(import.meta.url);",
  },
});
