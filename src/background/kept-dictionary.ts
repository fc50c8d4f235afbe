// The compiled dictionary, kept in session storage so that a worker the browser stopped (Chromium
// stops an idle one after 30 s) serves the next page without reading the database and compiling
// again: about a quarter of what waking it cost that page (BENCHMARKS.md, "Waking the service
// worker"). Session storage lives in memory until the browser closes or the extension is reloaded
// or updated (Chromium; Firefox documents only the browser closing, so a copy also names the
// extension version that compiled it), and only the extension's own pages and workers read it,
// never content scripts. It is a copy only: whatever invalidates the cache removes it
// (dictionary-cache.ts), and so does installing or updating the extension (index.ts).

import type { PackedDictionary } from '../shared/dictionary';
import type { SessionArea } from './session-area';

const KEY = 'compiledDictionary';

interface Kept {
  /** The extension version that compiled it: another version's copy is never served. */
  compiledBy: string;
  dictionary: PackedDictionary;
}

export class KeptDictionary {
  /** `extensionVersion`: the running extension's (manifest) version. */
  constructor(private readonly area: SessionArea, private readonly extensionVersion: string) {}

  /** The copy kept by an earlier run of the worker of this version, or null. */
  async read(): Promise<PackedDictionary | null> {
    try {
      const kept = (await this.area.get(KEY))[KEY] as Partial<Kept> | undefined;
      return kept?.compiledBy === this.extensionVersion && looksPacked(kept.dictionary) ? kept.dictionary : null;
    } catch {
      return null; // unreadable: compiled afresh
    }
  }

  async write(dictionary: PackedDictionary): Promise<void> {
    const kept: Kept = { compiledBy: this.extensionVersion, dictionary };
    try {
      await this.area.set({ [KEY]: kept });
    } catch {
      // Over the area's quota (a dictionary of many packs): then nothing is kept, and a woken
      // worker compiles as it would without this.
    }
  }

  async remove(): Promise<void> {
    await this.area.remove(KEY);
  }
}

/** Our own write, read back: checked for its shape only (a tab checks every table it unpacks). */
function looksPacked(value: unknown): value is PackedDictionary {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<Record<keyof PackedDictionary, unknown>>;
  return typeof d.version === 'string' && typeof d.automaton === 'object' && d.automaton !== null && typeof d.entities === 'object' && d.entities !== null;
}
