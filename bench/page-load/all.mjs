// `npm run bench`: the scanning benchmark (bench/run.mjs), then the page-load benchmark
// (bench/page-load/run.mjs, also `npm run bench:load` on its own), with the same `--quick`.
// `--report-only` and subset runs (`--pages=`, `--engines=`, `--dictionaries=`) are the scanning
// benchmark's alone.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const run = (script, a) => spawnSync(process.execPath, [path.join(bench, script), ...a], { stdio: 'inherit' }).status ?? 1;

const status = run('run.mjs', args);
if (status !== 0) process.exit(status);
if (args.some((a) => a === '--report-only' || /^--(pages|engines|dictionaries)=/.test(a))) process.exit(0);
process.exit(run('page-load/run.mjs', args.filter((a) => a === '--quick')));
