// Generates a realistic export file of N claims (valid against the extension's reader) for the
// sync speed benchmark: varied quotes, notes, tags, pages and statuses, deterministic per seed.

import { createHash } from 'node:crypto';

const STATUSES = ['made', 'repeated', 'in-progress', 'delivered', 'dropped', 'unknown'];
const TYPES = ['promise', 'announcement', 'figure', 'assertion'];
const PEOPLE = ['sajid-javid', 'eric-pickles', 'greg-clark', 'michael-gove', 'matt-hancock', null];
const ENTITIES = ['gds', 'lga', 'local-digital-coalition', 'local-digital-declaration', 'local-digital-fund', 'cddo'];
const WORDS = 'council digital service platform data strategy fund coalition declaration programme government local minister promise deliver vision arms reform shared common users needs legacy procurement'.split(' ');

function uuidFor(i) {
  const h = createHash('sha256').update(`claim-${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function sentence(i, words) {
  const out = [];
  for (let k = 0; k < words; k++) out.push(WORDS[(i * 7 + k * 13) % WORDS.length]);
  return `${out.join(' ')} ${i}.`;
}

/**
 * `edited`: every claim as the next revision of the same claim (a later status, a newer
 * `modified`), so importing it over the first file updates every stored claim.
 */
export function generateExport(count, now = Date.UTC(2026, 10, 1), { edited = false } = {}) {
  const claims = [];
  for (let i = 0; i < count; i++) {
    const exact = sentence(i, 18);
    const note = i % 3 === 0 ? sentence(i + 1, 30) : '';
    const tags = i % 5 === 0 ? ['local digital', `batch-${i % 17}`] : [];
    const created = now - (count - i) * 60_000;
    const first = `1-${createHash('sha256').update(`rev-${i}`).digest('hex').slice(0, 16)}`;
    const rev = edited ? `2-${createHash('sha256').update(`rev2-${i}`).digest('hex').slice(0, 16)}` : first;
    const revs = edited ? [rev, first] : [rev];
    const body = [
      ...(note ? [{ type: 'TextualBody', value: note, purpose: 'commenting', format: 'text/plain' }] : []),
      ...tags.map((t) => ({ type: 'TextualBody', value: t, purpose: 'tagging', format: 'text/plain' })),
    ];
    claims.push({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${uuidFor(i)}`,
      type: 'Annotation',
      motivation: 'assessing',
      created: new Date(created).toISOString(),
      modified: new Date(created + (edited ? 2000 : 1000)).toISOString(),
      target: {
        source: `https://www.gov.uk/government/news/article-${i % 2000}`,
        selector: [
          { type: 'TextQuoteSelector', exact, prefix: 'said the minister. ', suffix: ' The council' },
          { type: 'TextPositionSelector', start: 1000 + i, end: 1000 + i + exact.length },
        ],
      },
      body,
      soundFamiliar: {
        rev, revs, claimant: PEOPLE[i % PEOPLE.length], entities: [ENTITIES[i % ENTITIES.length]],
        madeOn: `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}`, claimType: TYPES[i % TYPES.length],
        status: STATUSES[(i + (edited ? 1 : 0)) % STATUSES.length], deadline: i % 4 === 0 ? `20${12 + (i % 10)}` : null, note, tags,
        pageTitle: `Article ${i % 2000}: local government digital`,
      },
    });
  }
  return { format: 'sound-familiar', version: 1, exportedAt: new Date(now).toISOString(), deviceId: 'bench', claims, entities: [] };
}
