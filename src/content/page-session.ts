// One run of Sound Familiar on one page: mentions (scanner, index, highlights), the user's claims
// (anchored, highlighted, recordable from a selection), hover and cards, all torn down by one
// AbortSignal (site switched off, dictionary changed, extension updated).

import type { Claim } from '../shared/claims/claim';
import type { DraftStart, PageMentionSummary, UnplacedClaim } from '../shared/messages';
import type { Entity } from '../shared/types';
import { ClaimLayer, type AnchoredClaim } from './claims/claim-layer';
import { Highlighter, type HighlightKind } from './highlight/highlighter';
import { watchHover } from './highlight/hover';
import { PrivatePainter } from './highlight/private-painter';
import type { LoadedDictionary } from './scan/loaded-dictionary';
import { MentionIndex, type Mention } from './scan/mention-index';
import { pagePublicationDate } from './scan/page-date';
import { Scanner } from './scan/scanner';
import { captureSelection } from './selection/capture-selection';
import { watchSelection } from './selection/record-button';
import { CardController, type CardSubject } from './ui/card-controller';
import { EditorFrame } from './ui/editor-frame';
import { UI_TAG, UiRoot } from './ui/ui-root';

export interface PageSessionDeps {
  dictionary: LoadedDictionary;
  loadEntity(id: string): Promise<Entity | null>;
  loadEntityClaims(entityId: string): Promise<Claim[]>;
  fetchClaims(url: string): Promise<{ claims: Claim[]; reveal: string | null }>;
  startDraft(start: DraftStart): Promise<{ draftId: string }>;
  editClaim(claimId: string): Promise<{ draftId: string }>;
  /** Called when the claim editor closes (after saving or not). */
  onEditorClosed?(): void;
  doc?: Document;
  today?: string;
}

export class PageSession {
  private readonly controller = new AbortController();
  private readonly index: MentionIndex;
  /** Built-in (public) names, in the page's CSS.highlights. */
  private readonly highlighter = new Highlighter();
  /** The user's claims and own names, inside our closed shadow root (docs/SECURITY.md). */
  private readonly painter: PrivatePainter;
  private readonly ui: UiRoot;
  private readonly card: CardController;
  private readonly editor: EditorFrame;
  readonly claims: ClaimLayer;
  private readonly doc: Document;
  readonly firstScan: Promise<void>;

  constructor(private readonly deps: PageSessionDeps) {
    const signal = this.controller.signal;
    this.doc = deps.doc ?? document;
    this.ui = new UiRoot(this.doc);
    this.painter = new PrivatePainter(this.ui);
    this.revealPrivatePaint(signal);
    signal.addEventListener('abort', () => this.ui.destroy(), { once: true });
    const { dictionary } = deps;
    const today = () => deps.today ?? new Date().toISOString().slice(0, 10);
    const kindOf = (m: Mention) => dictionary.entities[m.entity]!.kind;
    const paintFor = (m: Mention): Highlighter | PrivatePainter => (m.private ? this.painter : this.highlighter);
    this.index = new MentionIndex(dictionary, pagePublicationDate(this.doc), today(), {
      show: (m) => {
        if (!m.private) this.painter.reveal();
        paintFor(m).add(kindOf(m), m.range);
      },
      hide: (m) => paintFor(m).delete(kindOf(m), m.range),
    });

    const names = new Map(dictionary.entities.map((e) => [e.id, e.name]));
    const entities = new Map<number, Promise<Entity | null>>();
    this.card = new CardController({
      ui: this.ui,
      mentions: () => this.renderedMentions(),
      nameOf: (id) => names.get(id) ?? id,
      today,
      loadClaims: deps.loadEntityClaims,
      editClaim: (claim) => void this.edit(deps.editClaim(claim.id)),
      loadEntity: (i) => {
        let p = entities.get(i);
        if (!p) {
          p = deps.loadEntity(dictionary.entities[i]!.id).catch(() => null);
          entities.set(i, p);
        }
        return p;
      },
    }, signal);

    this.claims = new ClaimLayer({
      fetchClaims: deps.fetchClaims,
      paint: (range) => this.painter.add(CLAIM, range),
      unpaint: (range) => this.painter.delete(CLAIM, range),
      reveal: (anchored) => void this.card.reveal(claimSubject(anchored)),
      uiTag: UI_TAG,
      doc: this.doc,
    }, signal);
    this.editor = new EditorFrame(this.ui, (saved) => {
      if (saved) void this.claims.load();
      deps.onEditorClosed?.();
    }, signal);

    watchHover<CardSubject>((node, offset) => {
      const mention = this.index.at(node, offset);
      if (mention) return { type: 'mention', mention, range: mention.range };
      const claim = this.claims.at(node, offset);
      return claim ? claimSubject(claim) : undefined;
    }, {
      enter: (subject) => this.card.hoverEnter(subject),
      leave: () => this.card.hoverLeave(),
      isOverUi: (target) => this.ui.contains(target),
    }, signal, this.doc);
    watchSelection(this.ui, UI_TAG, () => void this.record('claim'), signal);

    this.scanner = new Scanner(this.doc, dictionary.searcher, this.index, signal, { uiTag: UI_TAG });
    this.firstScan = this.scanner.start();
    void this.claims.load().catch(() => undefined);
  }

  private readonly scanner: Scanner;

  /**
   * Private marks (and so our host element) appear only once something public would have put the
   * host there anyway: a built-in name painted, or the reader's own first pointer or key input.
   * Whether the reader has claims or names on this page then never changes what the page sees.
   */
  private revealPrivatePaint(signal: AbortSignal): void {
    const stop = new AbortController();
    signal.addEventListener('abort', () => stop.abort(), { once: true });
    const onInput = (e: Event) => {
      if (!e.isTrusted) return;
      stop.abort();
      this.painter.reveal();
    };
    for (const type of ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const) {
      this.doc.addEventListener(type, onInput, { capture: true, passive: true, signal: stop.signal });
    }
  }

  /** Per entity, how often the page mentions it where a reader can see it; most first. */
  summary(): PageMentionSummary[] {
    const counts = new Map<number, number>();
    for (const m of this.renderedMentions()) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    return [...counts].map(([i, count]) => {
      const { id, name, kind } = this.deps.dictionary.entities[i]!;
      return { entityId: id, name, kind, count };
    }).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  unplaced(): UnplacedClaim[] {
    return this.claims.unplacedClaims().map((c) => ({ id: c.id, quote: c.target.selector[0].exact }));
  }

  reveal(entityId: string): Promise<boolean> {
    const first = this.renderedMentions().find((m) => this.deps.dictionary.entities[m.entity]!.id === entityId);
    return first ? this.card.reveal({ type: 'mention', mention: first, range: first.range }) : Promise.resolve(false);
  }

  /** True while the claim editor is open: tearing the session down now would close it mid-save. */
  isEditing(): boolean {
    return this.editor.isOpen();
  }

  step(direction: 1 | -1): Promise<boolean> {
    return this.card.step(direction);
  }

  /** Starts recording the current selection: as a claim, or as a new name for the knowledge base. */
  async record(mode: 'claim' | 'entity'): Promise<boolean> {
    const dictionary = this.deps.dictionary;
    const captured = captureSelection(this.doc, UI_TAG, this.renderedMentions().map((m) => ({
      entityId: dictionary.entities[m.entity]!.id,
      kind: dictionary.entities[m.entity]!.kind,
      range: m.range,
    })));
    if (!captured) return false;
    this.card.close();
    return this.edit(this.deps.startDraft({ ...captured, mode }));
  }

  destroy(): void {
    this.controller.abort();
    this.index.clear();
    this.highlighter.clear();
    this.painter.clear();
  }

  private async edit(draft: Promise<{ draftId: string }>): Promise<boolean> {
    const { draftId } = await draft;
    if (this.controller.signal.aborted) return false;
    this.editor.open(draftId);
    return true;
  }

  /** Shown mentions whose text is rendered (not inside a hidden element), in document order. */
  private renderedMentions(): Mention[] {
    return this.index.visible().filter((m) => {
      const parent = m.range.startContainer.parentElement;
      return !parent || typeof parent.checkVisibility !== 'function' || parent.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
    });
  }
}

const CLAIM: HighlightKind = 'claim';

function claimSubject(anchored: AnchoredClaim): CardSubject {
  return { type: 'claim', claim: anchored.claim, range: anchored.range };
}
