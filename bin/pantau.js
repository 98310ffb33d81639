#!/usr/bin/env node
// Entry of `npx pantau`: runs the compiled CLI (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('pantau: the build is missing; run `npm run build` first.');
  process.exit(1);
}
const { runCli } = await import(entry.href);
await runCli(process.argv);
