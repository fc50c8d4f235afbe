// Properties of parsePack on arbitrary input: it never throws, a refusal always says why and where,
// and a pack that passes holds only what the rules allow, whatever was changed in it.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { aliasProblem } from '../../../../src/shared/sync/alias-policy';
import { parsePack } from '../../../../src/shared/packs/parse-pack';
import { safeHttpsUrl } from '../../../../src/shared/safe-url';
import { goodPack, packText, type Json } from '../../../fixtures/packs/make-pack';

/** Where a refusal may point: the message must name a part of the pack. */
const PLACE = /^(meta(\.\w+)?|entities(\[\d+\]( \([a-z0-9-]+\))?)?(\.|:)|precision|format|the pack|…and)/;

/** Every path to a value inside `value`, as key lists. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function setAt(root: Json, path: readonly (string | number)[], value: unknown): void {
  let at: Json = root;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path[path.length - 1]!] = value;
}

const ALL_PATHS = paths(goodPack()).filter((p) => p.length > 0);

describe('parsePack properties', () => {
  it('never throws on arbitrary text, and a refusal always has a reason', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      const result = parsePack(text);
      return result.ok || (result.errors.length > 0 && result.errors.every((e) => typeof e === 'string' && e.length > 0));
    }), { numRuns: 300 });
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      const result = parsePack(JSON.stringify(value));
      return !result.ok && result.errors.length > 0;
    }), { numRuns: 300 });
  });

  it('a pack with any one value replaced is either refused with the field named, or still within the rules', () => {
    fc.assert(fc.property(fc.constantFrom(...ALL_PATHS), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
      const pack = goodPack();
      setAt(pack, path, value);
      const result = parsePack(packText(pack));
      if (!result.ok) return result.errors.every((e) => PLACE.test(e));
      const { meta, entities } = result.pack;
      return (meta.homepage === undefined || safeHttpsUrl(meta.homepage) === meta.homepage)
        && entities.every((e) => [e.name, ...e.aliases].every((a) => aliasProblem(a) === null)
          && e.sources.every((s) => s.url === undefined || s.url.startsWith('https://'))
          && !e.id.includes(':'));
    }), { numRuns: 500 });
  });

  it('any common word added as an alias is refused with the entity and the alias named', () => {
    const words = ['the', 'and', 'government', 'council', 'digital', 'services', 'news', 'of', 'uk'];
    fc.assert(fc.property(fc.constantFrom(...words), fc.constantFrom(0, 1), fc.constantFrom('lower', 'upper', 'title'), (word, index, casing) => {
      const alias = casing === 'lower' ? word : casing === 'upper' ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1);
      const pack = goodPack();
      pack.entities[index].aliases.push(alias);
      const result = parsePack(packText(pack));
      const id = pack.entities[index].id;
      const n = pack.entities[index].aliases.length - 1;
      return !result.ok && result.errors.some((e) => e.startsWith(`entities[${index}] (${id}).aliases[${n}]: ${JSON.stringify(alias)} is`));
    }), { numRuns: 100 });
  });
});
