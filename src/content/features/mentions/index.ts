// Mentions: the names the dictionary knows, found by the scanner, chosen and confirmed by the
// mention index, painted publicly (built-in names) or privately (the reader's own), each with a
// card of the entity's dated history and the reader's claims about it.

import type { Entity } from '../../../shared/types';
import { MentionIndex, mentionText, type Mention } from '../../scan/mention-index';
import { Scanner } from '../../scan/scanner';
import { UI_TAG } from '../../ui/ui-root';
import type { CardSubject, PageFeature, PageServices } from '../page-feature';

export interface MentionsFeature extends PageFeature {
  /** Shown mentions whose text is rendered (not inside a hidden element), in document order. */
  rendered(): Mention[];
  subjectOf(mention: Mention): CardSubject;
  clear(): void;
}

export function startMentions(s: PageServices): MentionsFeature {
  const { dictionary } = s;
  const kindOf = (m: Mention) => dictionary.entities[m.entity]!.kind;
  const paintFor = (m: Mention) => (m.private ? s.painter : s.highlighter);
  const index = new MentionIndex(dictionary, () => s.pageDate, s.today(), {
    show: (m) => {
      // A public name on the page puts our host there anyway: private paint may now appear too.
      if (!m.private) s.painter.reveal();
      paintFor(m).add(kindOf(m), m.range);
    },
    hide: (m) => paintFor(m).delete(kindOf(m), m.range),
  });
  // Mentions on screen are painted in the next frame, before the scan goes on, and as soon as the
  // walk is past the screen, not at the end of its slice (Highlighter, Scanner).
  const scanner = new Scanner(s.doc, dictionary.searcher, index, s.signal, {
    uiTag: UI_TAG,
    paintNow: () => s.highlighter.takeFrameRequest(),
    screenFound: (walkedTo) => s.highlighter.screenFound(walkedTo),
    firstVerdict: s.firstVerdict,
  });

  const entities = new Map<number, Promise<Entity | null>>();
  const loadEntity = (i: number) => {
    let p = entities.get(i);
    if (!p) entities.set(i, (p = s.backend.loadEntity(dictionary.entities[i]!.id).catch(() => null)));
    return p;
  };
  const rendered = () => index.visible().filter((m) => {
    const parent = m.range.startContainer.parentElement;
    return !parent || typeof parent.checkVisibility !== 'function' || parent.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
  });
  const subjectOf = (mention: Mention): CardSubject => ({
    key: mention,
    range: mention.range,
    async render(doc, common) {
      const entity = await loadEntity(mention.entity);
      if (!entity) return null;
      const claims = await s.backend.loadEntityClaims(entity.id).catch(() => []);
      const list = rendered();
      const { renderCard } = await s.ui();
      return renderCard(doc, entity, {
        ...common,
        claims,
        // The page's date and words: the card reads a title, a post or an old name as of them.
        reading: { pageDate: s.pageDate, text: mentionText(mention), title: mention.title },
        position: { index: Math.max(0, list.indexOf(mention)), total: list.length, inFrame: doc.defaultView !== doc.defaultView?.top },
        // Only the reader's own click walks on into other frames (through the background).
        onStep: (d, trusted) => void s.card.step(d, trusted),
      });
    },
  });

  return {
    ready: scanner.start(),
    at: (node, offset) => {
      const mention = index.at(node, offset);
      return mention ? subjectOf(mention) : undefined;
    },
    rendered,
    subjectOf,
    stops: () => rendered().map(subjectOf),
    clear: () => index.clear(),
  };
}
