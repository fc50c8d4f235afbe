// Sentences to hold the candidate filter to: every text of the echo fixtures and the page-load
// bench fixtures, and the running text of the corpus pages (tags stripped, split as the content
// script splits), grouped by source so the bench can time them per page.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../../../src/shared/echo/candidate';

const ROOT = join(__dirname, '../../../..');
const ECHO_FIXTURES = join(ROOT, 'test/fixtures/echoes');
const BENCH_PAGES = join(ROOT, 'bench/page-load/fixtures');
const CORPUS = join(ROOT, '../shared/corpus/pages');

export interface SentenceSource { name: string; sentences: string[] }

/** Every string under a "text" key, at any depth. */
function texts(value: unknown, out: string[]): string[] {
  if (Array.isArray(value)) for (const v of value) texts(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'text' && typeof v === 'string') out.push(v);
      else texts(v, out);
    }
  }
  return out;
}

/** A page's text blocks, roughly as a reader sees them: scripts and styles dropped, tags as breaks. */
function blocks(html: string): string[] {
  const text = html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '\n')
    .replace(/<!--[\s\S]*?-->/g, '\n')
    .replace(/<\/?(?:p|div|li|h\d|td|th|br|section|article|blockquote|ul|ol|tr|table|header|footer|nav)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&rsquo;/g, '\u2019')
    .replace(/&pound;/g, '£').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return text.split(/\n/).map((b) => b.replace(/[ \t\r]+/g, ' ').trim()).filter((b) => b.length >= 30);
}

function pageSources(dir: string, prefix: string): SentenceSource[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.html')).sort().map((f) => ({
    name: `${prefix}${f}`,
    sentences: blocks(readFileSync(join(dir, f), 'utf8')).flatMap((b) => splitSentences(b)),
  }));
}

export function echoFixtureSources(): SentenceSource[] {
  return readdirSync(ECHO_FIXTURES).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const whole = texts(JSON.parse(readFileSync(join(ECHO_FIXTURES, f), 'utf8')), []);
    // The whole texts and their sentences: the content script sees sentences, tests see both.
    return { name: `echoes/${f}`, sentences: [...whole, ...whole.flatMap((t) => splitSentences(t))] };
  });
}

export const benchPageSources = (): SentenceSource[] => pageSources(BENCH_PAGES, 'bench/');
/** Empty where the shared corpus is not beside the project. */
export const corpusSources = (): SentenceSource[] => pageSources(CORPUS, 'corpus/');
