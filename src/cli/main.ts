#!/usr/bin/env node
import { statSync } from 'node:fs';

// `npm run build` compiles src/ to dist/ and then bundles the program into a few files in
// dist/src/bundle/ (scripts/bundle.mjs): loading several hundred small modules one by one was
// most of `tollgate start`'s time to ready (README "Start-up"). The bundle is run
// when it is at least as new as this file; a later compile without bundling (tsc alone)
// leaves it stale, and then the compiled modules run instead.
const bundle = new URL('../bundle/tollgate.js', import.meta.url);

function bundleIsCurrent(): boolean {
  try {
    return statSync(bundle).mtimeMs >= statSync(new URL(import.meta.url)).mtimeMs;
  } catch {
    return false;
  }
}

await import(bundleIsCurrent() ? bundle.href : './tollgate.js');
