// Generates realistic dictionaries of 1k, 10k and 50k aliases, deterministically (seeded): the real
// knowledge base, the entities the generated pages mention, then people, councils, bodies, programmes.

import { prng } from './prng.mjs';
import * as W from './words.mjs';

/** Generated entities the pages mention; every generated dictionary starts with them. */
export const MENTIONED_ENTITIES = [
  { id: 'gen-priya-threlfall', kind: 'person', name: 'Priya Threlfall', aliases: ['Priya Threlfall MP'] },
  { id: 'gen-gareth-oakenshaw', kind: 'person', name: 'Gareth Oakenshaw', aliases: ['Cllr Gareth Oakenshaw'] },
  { id: 'gen-siobhan-nwosu-barraclough', kind: 'person', name: 'Siobhan Nwosu-Barraclough', aliases: [] },
  { id: 'gen-harrow-bc', kind: 'body', name: 'Harrow Borough Council', aliases: ['Harrow Council'] },
  { id: 'gen-calderdale-mbc', kind: 'body', name: 'Calderdale Metropolitan Borough Council', aliases: ['CMBC'] },
  { id: 'gen-teignbridge-dp', kind: 'body', name: 'Teignbridge Digital Partnership', aliases: [] },
  { id: 'gen-rother-wealden', kind: 'body', name: 'Rother & Wealden Shared Service', aliases: ['Rother and Wealden Shared Service'] },
  { id: 'gen-wirral-fire', kind: 'body', name: 'Wirral Fire and Rescue Service', aliases: [] },
  { id: 'gen-connected-casework', kind: 'initiative', name: 'Connected Casework Pathfinder', aliases: [] },
  { id: 'gen-open-identity', kind: 'initiative', name: 'Open Identity Accelerator', aliases: ['OIA'] },
  { id: 'gen-carers-passport', kind: 'initiative', name: "Carers' Digital Passport", aliases: [] },
  { id: 'gen-resilient-records', kind: 'initiative', name: 'Resilient Records Compact', aliases: [] },
];

/**
 * Aliases the generated pages insert: `scope` says which dictionaries hold them (`kb`: all of
 * them; `gen`: generated ones only); `anchor` is the unambiguous mention a context-only alias needs.
 */
export const MENTION_POOL = [
  ...['Sajid Javid', 'Eric Pickles', 'Greg Clark', 'Michael Gove', 'Rishi Sunak', 'Francis Maude', 'Martha Lane Fox',
    'Martha Lane-Fox', "Linda O'Halloran", 'Local Digital Coalition', 'Local Digital Declaration', 'Local Digital Fund',
    'Government Digital Service', 'Central Digital and Data Office', 'Ministry of Housing, Communities and Local Government',
    'Ministry of Housing, Communities & Local Government', 'Local Government Association', 'Local CIO Council',
    'GOV.UK Verify', 'Government-as-a-Platform', 'Digital by Default', 'Future Councils', 'LocalGov Drupal', 'Socitm',
    'GDS', 'CDDO', 'DCLG', "DCLG's Local Digital Programme", 'Local Digital Coalition Action Plan']
    .map((text) => ({ text, scope: 'kb' })),
  { text: 'Javid', scope: 'kb', anchor: 'Sajid Javid', form: 'possessive' },
  { text: 'Mr Gove', scope: 'kb', anchor: 'Michael Gove' },
  { text: 'Lord Maude', scope: 'kb', anchor: 'Francis Maude' },
  ...MENTIONED_ENTITIES.flatMap((e) => [e.name, ...e.aliases]).map((text) => ({ text, scope: 'gen' })),
];

/**
 * `kbEntities` are the real knowledge base's; `countAliases(entity)` is how many aliases the
 * compiler takes from it. Returns entities whose alias count is exactly `target`.
 */
export function generateEntities(target, kbEntities, countAliases, seed = 20240611) {
  const rng = prng(seed);
  const entities = [...kbEntities, ...MENTIONED_ENTITIES.map((e) => ({ ...e, modified: 0 }))];
  let count = entities.reduce((n, e) => n + countAliases(e), 0);
  const taken = new Set(entities.map((e) => e.name));
  const blocked = new Set([...W.FILLER_WORDS, ...W.STOP_WORDS].map((w) => w.toUpperCase()));
  const acronym = (name) => {
    const a = name.split(/[\s-]+/).filter((w) => !W.STOP_WORDS.has(w.toLowerCase())).map((w) => w[0]).join('').toUpperCase();
    return /^[A-Z]{3,6}$/.test(a) && !blocked.has(a) ? a : null;
  };
  const people = lazyShuffled(rng, W.FIRST_NAMES.length * W.LAST_NAMES.length, (i) => [W.FIRST_NAMES[i % W.FIRST_NAMES.length], W.LAST_NAMES[Math.floor(i / W.FIRST_NAMES.length)]]);
  const councils = lazyShuffled(rng, W.PLACES.length * W.COUNCIL_TYPES.length, (i) => [W.PLACES[i % W.PLACES.length], W.COUNCIL_TYPES[Math.floor(i / W.PLACES.length)]]);
  const bodies = lazyShuffled(rng, W.PLACES.length * W.PUBLIC_BODY_TYPES.length, (i) => [W.PLACES[i % W.PLACES.length], W.PUBLIC_BODY_TYPES[Math.floor(i / W.PLACES.length)]]);
  const nA = W.PROGRAMME_ADJECTIVES.length;
  const nT = W.PROGRAMME_TOPICS.length;
  const programmes = lazyShuffled(rng, nA * nT * W.PROGRAMME_TYPES.length, (i) => [W.PROGRAMME_ADJECTIVES[i % nA], W.PROGRAMME_TOPICS[Math.floor(i / nA) % nT], W.PROGRAMME_TYPES[Math.floor(i / (nA * nT))]]);

  /** @type {[number, () => ({ kind: string, name: string, aliases: string[] } | null)][]} */
  const makers = [
    [0.5, () => {
      const person = people.next();
      if (!person) return null;
      const [first, last] = person;
      const name = `${first} ${last}`;
      const aliases = [];
      if (rng.chance(0.3)) aliases.push(`${name} MP`);
      if (rng.chance(0.15)) aliases.push(`Cllr ${name}`);
      if (rng.chance(0.1)) aliases.push(`Dr ${last}`);
      if (rng.chance(0.08)) aliases.push(`Leader of ${rng.pick(W.PLACES)} ${rng.pick(W.COUNCIL_TYPES)}`);
      if (rng.chance(0.04)) aliases.push(`Minister for ${rng.pick(W.PORTFOLIOS)}`);
      return { kind: 'person', name, aliases };
    }],
    [0.05, () => {
      const council = councils.next();
      if (!council) return null;
      const [place, type] = council;
      const name = `${place} ${type}`;
      const aliases = [];
      const a = rng.chance(0.4) && acronym(name);
      if (a) aliases.push(a);
      if (type !== 'Council' && rng.chance(0.3)) aliases.push(`${place} Council`);
      return { kind: 'body', name, aliases };
    }],
    [0.05, () => {
      const body = bodies.next();
      if (!body) return null;
      const [place, type] = body;
      const name = `${place} ${type}`;
      const a = rng.chance(0.3) && acronym(name);
      return { kind: 'body', name, aliases: a ? [a] : [] };
    }],
    [0.4, () => {
      const programme = programmes.next();
      if (!programme) return null;
      const [adj, topic, type] = programme;
      const name = `${adj} ${topic} ${type}`;
      const aliases = [];
      const a = rng.chance(0.3) && acronym(name);
      if (a) aliases.push(a);
      if (rng.chance(0.15)) aliases.push(`${adj} ${topic}`);
      if (rng.chance(0.1)) aliases.push(`the ${name}`);
      return { kind: 'initiative', name, aliases };
    }],
  ];

  let n = 0;
  for (let tries = 0; count < target; tries++) {
    if (tries > target * 20) throw new Error(`generate-dictionary: name pools too small for ${target} aliases`);
    let r = rng.next();
    const [, make] = /** @type {(typeof makers)[number]} */ (makers.find(([p]) => (r -= p) < 0) ?? makers[0]);
    const e = make();
    if (!e || taken.has(e.name)) continue;
    taken.add(e.name);
    const entity = { id: `gen-${++n}`, modified: 0, ...e };
    const c = countAliases(entity);
    if (count + c > target) entity.aliases = entity.aliases.slice(0, Math.max(0, target - count - 1));
    count += countAliases(entity);
    entities.push(entity);
  }
  return entities;
}

/** Items 0..n-1 in a seeded random order, one at a time (no n-sized shuffle up front); null when used up. */
function lazyShuffled(rng, n, make) {
  const swapped = new Map();
  let i = 0;
  return {
    next() {
      if (i >= n) return null;
      const j = i + rng.int(n - i);
      const vj = swapped.get(j) ?? j;
      swapped.set(j, swapped.get(i) ?? i);
      i++;
      return make(vj);
    },
  };
}
