// Times the candidate filter, the frozen regular-expression one against the live one, per page:
// in a fresh Node process each time (module set-up plus the first pass over the page's sentences,
// which is what a page load pays: V8 compiles expressions on first use), and warm (median of 21
// passes). Old and new alternate, in turn first, over rounds. Not a test; run from the project root:
//   npx esbuild test/unit/shared/echo/candidate-bench.ts --bundle --platform=node \
//     --define:__dirname="\"$PWD/test/unit/shared/echo\"" --outfile=/tmp/candidate-bench.cjs \
//     && node /tmp/candidate-bench.cjs [rounds]

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPageSources, corpusSources, echoFixtureSources, type SentenceSource } from './candidate-sentences';

type Decide = (s: string) => boolean;
interface Timing { init: number; first: number; warm: number; accepted: number }

const DIR = join(tmpdir(), 'candidate-bench');
const SENTENCES = join(DIR, 'sentences.json');
const VARIANTS = { old: join(DIR, 'old.cjs'), new: join(DIR, 'new.cjs') } as const;

/** In a child: one variant on one page. */
function child(variant: keyof typeof VARIANTS, page: number): void {
  const { sentences } = (JSON.parse(readFileSync(SENTENCES, 'utf8')) as SentenceSource[])[page]!;
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded here to time its set-up
  const mod = require(VARIANTS[variant]) as { isCandidate?: Decide; isCandidateFrozen?: Decide };
  const decide = (mod.isCandidate ?? mod.isCandidateFrozen)!;
  const t1 = performance.now();
  let accepted = 0;
  for (const s of sentences) if (decide(s)) accepted++;
  const t2 = performance.now();
  const warm: number[] = [];
  for (let r = 0; r < 21; r++) {
    const a = performance.now();
    for (const s of sentences) decide(s);
    warm.push(performance.now() - a);
  }
  warm.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ init: t1 - t0, first: t2 - t1, warm: warm[10]!, accepted } satisfies Timing));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number): string => x.toFixed(3);

function main(rounds: number): void {
  const root = join(__dirname, '../../../..');
  // The project's own esbuild, wherever this bundle was written.
  const { buildSync } = createRequire(join(root, 'package.json'))('esbuild') as typeof import('esbuild');
  mkdirSync(DIR, { recursive: true });
  buildSync({ entryPoints: [join(root, 'src/shared/echo/candidate.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: VARIANTS.new });
  buildSync({ entryPoints: [join(__dirname, 'candidate-frozen.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: VARIANTS.old });
  const sources = [...benchPageSources(), ...echoFixtureSources(), ...corpusSources()];
  writeFileSync(SENTENCES, JSON.stringify(sources));
  const runs = sources.map(() => ({ old: [] as Timing[], new: [] as Timing[] }));
  for (let r = 0; r < rounds; r++) {
    sources.forEach((_, page) => {
      const order = (r + page) % 2 ? (['new', 'old'] as const) : (['old', 'new'] as const);
      for (const v of order) {
        const out = execFileSync(process.execPath, [__filename, 'child', v, String(page)], { encoding: 'utf8' });
        runs[page]![v].push(JSON.parse(out) as Timing);
      }
    });
  }
  console.log(`node ${process.version}, ${rounds} rounds, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log('page\tsentences\tcandidates old/new\tcold old (init+first)\tcold new\twarm old\twarm new  (ms, medians)');
  const colds = { old: [] as number[], new: [] as number[] };
  sources.forEach((src, page) => {
    const { old: o, new: n } = runs[page]!;
    const cold = (ts: Timing[]): number => median(ts.map((t) => t.init + t.first));
    colds.old.push(cold(o));
    colds.new.push(cold(n));
    console.log([src.name, src.sentences.length, `${o[0]!.accepted}/${n[0]!.accepted}`, ms(cold(o)), ms(cold(n)),
      ms(median(o.map((t) => t.warm))), ms(median(n.map((t) => t.warm)))].join('\t'));
  });
  console.log(`median over pages, cold: old ${ms(median(colds.old))} new ${ms(median(colds.new))}`);
}

const [mode, variant, page] = process.argv.slice(2);
if (mode === 'child') child(variant as keyof typeof VARIANTS, Number(page));
else main(Number(mode ?? 5) || 5);
