#!/usr/bin/env node
// Launcher for the command-line tool; `npm install` (prepare) or `npm run build` builds dist/cli.mjs.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('sound-familiar: not built yet — run `npm run build` in the repository first.\n');
  process.exit(2);
}
await import(cli.href);
