// CLI entry point: wires run() to the process.
import { runAsync } from './main';

process.exitCode = await runAsync(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));
