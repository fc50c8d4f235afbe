// CLI entry point: wires run() to the process.
import { run } from './main';

process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));
