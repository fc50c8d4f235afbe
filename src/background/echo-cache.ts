// Builds the "Sound familiar?" index (shared/echo) once per change of the knowledge or of the
// reader's claims, and answers a tab's sentences from it: a tab sends only sentences, never
// receives the index, and the reader's claims never leave the background except as the echoes a
// sentence of that very page calls up. Which sentences are worth comparing (isCandidate) is decided
// here, not in the tab: its expressions cost each page 5-8 ms to compile, and the worker compiles
// them once.

import { pageKey } from '../shared/page-url';
import { buildEchoIndex, type EchoClaim, type EchoIndex } from '../shared/echo/index-build';
import { isCandidate } from '../shared/echo/candidate';
import { findEchoes } from '../shared/echo/find-echoes';
import { ECHO_CANDIDATES, type EchoView } from '../shared/echo-view';
import type { Entity } from '../shared/types';
import { allClaims } from './claims-store';
import type { SoundFamiliarDb } from './db';

/** At most this many earlier items per sentence reach the card. */
const PER_SENTENCE = 3;

interface Built {
  index: EchoIndex;
  entities: Map<string, Entity>;
  /** The reader's promise and announcement claims by id: their page and status. */
  claims: Map<string, { page: string; status: string }>;
}

export class EchoCache {
  private pending: Promise<Built> | null = null;

  constructor(private readonly db: SoundFamiliarDb) {}

  /** Call after any change to entities or claims. */
  invalidate(): void {
    this.pending = null;
  }

  /**
   * For each sentence, the earlier promises it repeats (most confident first), as the card shows
   * them: none for a sentence that announces or promises nothing, or past the first ECHO_CANDIDATES that do.
   */
  async find(sentences: readonly string[], pageDate: string, pageUrl: string | undefined): Promise<EchoView[][]> {
    const built = await this.get();
    const here = pageUrl ? pageKey(pageUrl) : null;
    let candidates = 0;
    const compared = (sentence: string) => isCandidate(sentence) && candidates++ < ECHO_CANDIDATES;
    return sentences.map((sentence) => (compared(sentence) ? findEchoes(sentence, pageDate, built.index, { limit: PER_SENTENCE }) : [])
      // A claim recorded on this very page is not an earlier version of it.
      .filter((echo) => echo.item.origin !== 'claim' || built.claims.get(echo.item.id)?.page !== here)
      .map((echo) => view(echo, built)));
  }

  private get() {
    this.pending ??= (async () => {
      const list = (await this.db.entities.toArray()).filter((e) => e.deleted === undefined);
      const promises = (await allClaims(this.db)).filter((c) => c.claimType === 'promise' || c.claimType === 'announcement');
      const claims: EchoClaim[] = promises.map((c) => ({
          id: c.id,
          text: c.target.selector[0].exact,
          date: c.madeOn,
          type: c.claimType === 'promise' ? 'promise' : 'announcement',
          entities: [...(c.claimant ? [c.claimant] : []), ...c.entities],
          label: 'Your claim',
        }));
      return {
        index: buildEchoIndex(list, { claims }),
        entities: new Map(list.map((e) => [e.id, e])),
        claims: new Map(promises.map((c) => [c.id, { page: c.target.source, status: c.status }])),
      };
    })();
    this.pending.catch(() => (this.pending = null));
    return this.pending;
  }
}

/** An echo as the card needs it: who, when, what, what became of it, and the source. */
function view(echo: ReturnType<typeof findEchoes>[number], { entities, claims }: Built): EchoView {
  const { item } = echo;
  const id = item.id;
  const [entityId, eventIndex] = item.origin === 'builtin' ? id.split('#') : [undefined, undefined];
  const status = item.origin === 'claim' ? claims.get(id)?.status : undefined;
  const event = entityId !== undefined ? entities.get(entityId)?.events[Number(eventIndex)] : undefined;
  const source = event?.src[0] !== undefined ? entities.get(entityId!)?.sources[event.src[0]] : undefined;
  return {
    id,
    origin: item.origin,
    private: item.private,
    label: item.label,
    ...(entityId ? { entityId } : {}),
    date: item.date,
    ...(event?.dateLabel ? { dateLabel: event.dateLabel } : {}),
    type: item.type,
    text: item.text,
    ...(event?.outcome ? { outcome: event.outcome } : {}),
    ...(status ? { status } : {}),
    ...(source ? { source: { title: source.title, ...(source.url ? { url: source.url } : {}), ...(source.publisher ? { publisher: source.publisher } : {}) } } : {}),
    confidence: Math.round(echo.confidence * 100) / 100,
    shared: echo.shared,
  };
}
