#!/usr/bin/env node
// Removes the compiled output first, so `npm test` never runs a test whose source was deleted.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
