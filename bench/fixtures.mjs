// Builds what the benchmark runs on: the dictionaries (real KB and generated 1k/10k/50k, compiled
// as the background compiles them) and the pages (the four largest corpus pages, generated 2/10 MB).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateEntities, MENTION_POOL } from './generate-dictionary.mjs';
import { fillerVocabulary, generatePage } from './generate-pages.mjs';

export const CORPUS_PAGES = {
  'yahoo-2': 'https://www.yahoo.com/news/yahoo-2.html',
  'guardian-1': 'https://www.theguardian.com/uk-news/guardian-1',
  msn: 'https://www.msn.com/en-us/news/msn',
  'nytimes-3': 'https://www.nytimes.com/2019/nytimes-3.html',
};
export const GENERATED_PAGES = { 'gen-2mb': { mb: 2, seed: 2 }, 'gen-10mb': { mb: 10, seed: 10 } };
export const DICTIONARIES = { kb: null, '1k': 1000, '10k': 10000, '50k': 50000 };
const SUBSET_SIZE = 50;

/** `kb` is the bundled bench/node/kb.ts. Returns dictionaries keyed by name (compiled unless told not to). */
export function buildDictionaries(kb, names, { compile = true } = {}) {
  const kbEntities = kb.kbEntities();
  const count = (e) => kb.aliasSpecs([e]).length;
  const out = {};
  for (const name of names) {
    const entities = DICTIONARIES[name] === null ? kbEntities : generateEntities(DICTIONARIES[name], kbEntities, count);
    const aliases = kb.aliasSpecs(entities);
    if (!compile) {
      out[name] = { name, entities, aliasCount: aliases.length };
      continue;
    }
    const packed = kb.compile(entities);
    const inDict = new Set(aliases);
    // mark.js mark(array) is timed on 50 keywords: the pages' mentions first, then other aliases.
    const subset = [...new Set([...MENTION_POOL.map((m) => m.text).filter((t) => inDict.has(t)), ...aliases])].slice(0, SUBSET_SIZE);
    out[name] = {
      name,
      entities,
      aliasCount: aliases.length,
      scopes: DICTIONARIES[name] === null ? ['kb'] : ['kb', 'gen'],
      subset,
      payloads: {
        ours: JSON.stringify({ packed }),
        'ours-batched': JSON.stringify({ packed }),
        regexp: JSON.stringify({ aliases }),
        'markjs-regexp': JSON.stringify({ aliases }),
        'markjs-array': JSON.stringify({ subset }),
        floor: '{}',
      },
    };
  }
  return out;
}

/** Corpus pages from shared/ beside the repository; generated pages with their ground truth. */
export async function buildPages(repoRoot, names, allAliases) {
  const words = fillerVocabulary(allAliases);
  const generated = {};
  for (const [name, { mb, seed }] of Object.entries(GENERATED_PAGES)) {
    if (!names.includes(name) && !(name === 'gen-2mb' && names.some((n) => n in CORPUS_PAGES))) continue;
    generated[name] = generatePage({ bytes: mb * 1024 * 1024, seed, words, pool: MENTION_POOL });
  }
  // Corpus pages get the same 500 appended paragraphs as the 2 MB page.
  const append = generated['gen-2mb']?.append ?? Object.values(generated)[0]?.append;
  const pages = {};
  const corpusDir = path.resolve(repoRoot, '../shared/corpus/pages');
  for (const name of names) {
    if (name in CORPUS_PAGES) {
      pages[name] = { name, kind: 'corpus', url: CORPUS_PAGES[name], html: await readFile(path.join(corpusDir, `${name}.html`), 'utf8'), truth: null, append };
    } else {
      const g = generated[name];
      pages[name] = { name, kind: 'generated', url: `https://news.example.co.uk/2019/03/${name}`, html: g.html, truth: g.truth, append: g.append };
    }
    pages[name].bytes = Buffer.byteLength(pages[name].html);
  }
  return pages;
}

/** The page's ground truth as this dictionary (and, for mark(array), this keyword subset) should find it. */
export function truthFor(page, dict, subset) {
  if (!page.truth) return null;
  return page.truth.filter((t) => dict.scopes.includes(t.scope) && (!subset || subset.includes(t.alias)));
}
