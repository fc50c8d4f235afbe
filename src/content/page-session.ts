// One run of Sound Familiar on one page: the shared services (highlighting, private paint, the
// card, the claim editor, hover, the record button) and the page features that use them
// (features/index.ts), all torn down by one AbortSignal (site switched off, dictionary changed,
// extension updated). The card, the editor, the record button and claim placing come with
// content-ui.js, loaded on first need: a hover or keyboard stop on a name, a selection, a command,
// or claims on the page (deps.loadUi).

import type { PageMentionSummary, StepAnswer, StepFrom, UnplacedClaim } from '../shared/messages';
import { today as localToday } from '../shared/today';
import { startFeatures, type Features } from './features';
import type { CardSubject, PageBackend, PageFeature } from './features/page-feature';
import { LazyCard } from './lazy/lazy-card';
import type { UiParts } from './lazy/ui-parts';
import { Highlighter } from './highlight/highlighter';
import { styledRegistry } from './highlight/highlight-styles';
import { watchHover } from './highlight/hover';
import { PrivatePainter } from './highlight/private-painter';
import type { LoadedDictionary } from './scan/loaded-dictionary';
import type { Prefilter } from '../shared/matcher/prefilter';
import { pagePublicationDate } from './scan/page-date';
import { watchSelection } from './selection/record-button';
import type { EditorFrame } from './ui/editor-frame';
import { UI_TAG, UiRoot } from './ui/ui-root';

export interface PageSessionDeps extends PageBackend {
  dictionary: LoadedDictionary;
  /** Loads content-ui.js (once) and gives its parts. */
  loadUi(): Promise<UiParts>;
  /** Gets highlights.css into the frame (asks once): called as a public highlight is first registered. */
  requestStyles?(): void;
  /** The card's Previous/Next at this frame's end: the background walks on through the tab's frames. */
  stepTab?(direction: 1 | -1): Promise<boolean>;
  /** Called when the claim editor closes (after saving or not). */
  onEditorClosed?(): void;
  /** The background's verdict on the page's text, read just before: the first scan need not read it again. */
  firstVerdict?: Prefilter;
  /** The session started because the reader selected something: offer to record it now. */
  selectionPending?: boolean;
  doc?: Document;
  today?: string;
}

export class PageSession {
  private readonly controller = new AbortController();
  /** Built-in (public) names, in the page's CSS.highlights. */
  private readonly highlighter: Highlighter;
  /** The user's claims and own names, inside our closed shadow root (docs/SECURITY.md). */
  private readonly painter: PrivatePainter;
  private readonly ui: UiRoot;
  private readonly card: LazyCard;
  private editor: EditorFrame | null = null;
  /** Drafts being started whose editor has not opened yet. */
  private opening = 0;
  private readonly features: Features;
  private readonly doc: Document;
  /** The page's publication date, found on first use. */
  private readonly pageDate: () => string | undefined;
  readonly firstScan: Promise<void>;

  constructor(private readonly deps: PageSessionDeps) {
    const signal = this.controller.signal;
    this.doc = deps.doc ?? document;
    this.highlighter = new Highlighter(deps.requestStyles ? styledRegistry(CSS.highlights, deps.requestStyles) : CSS.highlights);
    this.ui = new UiRoot(this.doc);
    this.painter = new PrivatePainter(this.ui);
    this.revealPrivatePaint(signal);
    signal.addEventListener('abort', () => this.ui.destroy(), { once: true });
    const { dictionary } = deps;
    // The reader's calendar day (local, as every date the card compares with).
    const today = () => deps.today ?? localToday();
    // Built when a card first needs a name: a map of every entity is thousands of entries at 10k aliases.
    let names: Map<string, string> | undefined;

    this.card = new LazyCard(async () => {
      const { CardController } = await this.parts();
      if (signal.aborted) throw new Error('the page session ended');
      return new CardController({
        ui: this.ui,
        nameOf: (id) => (names ??= new Map(dictionary.entities.map((e) => [e.id, e.name]))).get(id) ?? id,
        today,
        stops: () => inDocumentOrder(Object.values(this.features).flatMap((f: PageFeature) => f.stops?.() ?? [])),
        stepTab: deps.stepTab,
      }, signal);
    });

    const doc = this.doc;
    let pageDate: { date: string | undefined } | undefined;
    this.pageDate = () => (pageDate ??= { date: pagePublicationDate(doc) }).date;
    const readPageDate = this.pageDate;
    this.features = startFeatures({
      doc: this.doc,
      signal,
      dictionary,
      firstVerdict: deps.firstVerdict,
      // Read on first use: finding it queries the whole page, and a page naming nothing never needs it.
      get pageDate() {
        return readPageDate();
      },
      today,
      highlighter: this.highlighter,
      painter: this.painter,
      card: this.card,
      ui: () => this.parts(),
      backend: deps,
      edit: (draft) => this.edit(draft),
    });

    const features = Object.values(this.features);
    watchHover<CardSubject>((node, offset) => {
      for (const feature of features) {
        const subject = feature.at(node, offset);
        if (subject) return subject;
      }
      return undefined;
    }, {
      enter: (subject) => this.card.hoverEnter(subject),
      leave: () => this.card.hoverLeave(),
      isOverUi: (target) => this.ui.contains(target),
    }, signal, this.doc);
    const noteSelection = watchSelection(this.ui, UI_TAG, () => void this.record('claim'), signal, async () => {
      const { recordButton } = await this.parts();
      return () => recordButton(this.doc);
    });
    if (deps.selectionPending) noteSelection();
    this.firstScan = this.features.mentions.ready;
  }

  /** The card code, loaded on first call; its styles join our shadow root's. */
  private async parts(): Promise<UiParts> {
    const parts = await this.deps.loadUi();
    this.ui.addStyles(parts.styles);
    return parts;
  }

  /** The page's claims, for a refresh after a save or an import elsewhere. */
  get claims(): { load(): Promise<void> } {
    return this.features.claims;
  }

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
    for (const m of this.features.mentions.rendered()) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    return [...counts].map(([i, count]) => {
      const { id, name, kind } = this.deps.dictionary.entities[i]!;
      return { entityId: id, name, kind, count };
    // Ties in plain code-unit order: localeCompare's first call in a tab sets up a collator (~30 ms).
    }).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** How many sentences repeat an earlier promise, once the echoes feature has read the page. */
  async echoCount(): Promise<number> {
    await this.features.echoes.ready;
    return this.features.echoes.count();
  }

  unplaced(): UnplacedClaim[] {
    return this.features.claims.unplaced();
  }

  reveal(entityId: string): Promise<boolean> {
    const mentions = this.features.mentions;
    const first = mentions.rendered().find((m) => this.deps.dictionary.entities[m.entity]!.id === entityId);
    return first ? this.card.reveal(mentions.subjectOf(first)) : Promise.resolve(false);
  }

  /**
   * True while the claim editor is open or about to open (its draft is being started): tearing
   * the session down now would close it mid-save, or drop it before it appears.
   */
  isEditing(): boolean {
    return !!this.editor?.isOpen() || this.opening > 0;
  }

  /** This frame's part of a keyboard step; a frame with nothing to stop at loads no card code for it. */
  step(direction: 1 | -1, from: StepFrom): Promise<StepAnswer> {
    const features: PageFeature[] = Object.values(this.features);
    if (from === 'edge' && !features.some((f) => (f.stops?.().length ?? 0) > 0)) return Promise.resolve('idle');
    return this.card.stepWithin(direction, from);
  }

  /** Starts recording the current selection: as a claim, or as a new name for the knowledge base. */
  async record(mode: 'claim' | 'entity'): Promise<boolean> {
    // Nothing selected: nothing to record, and no need for the card code.
    const selection = this.doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
    // Editing from here on: a restart asked for while the card code loads waits for the editor.
    const { captureSelection } = await this.whileOpening(this.parts());
    if (this.controller.signal.aborted) return false;
    const dictionary = this.deps.dictionary;
    const captured = captureSelection(this.doc, UI_TAG, this.features.mentions.rendered().map((m) => ({
      entityId: dictionary.entities[m.entity]!.id,
      kind: dictionary.entities[m.entity]!.kind,
      range: m.range,
    })), this.pageDate() ?? null);
    if (!captured) {
      // Nothing to edit after all: a restart put off while the code loaded happens now.
      this.deps.onEditorClosed?.();
      return false;
    }
    this.card.close();
    return this.edit(this.deps.startDraft({ ...captured, mode }));
  }

  destroy(): void {
    this.controller.abort();
    this.features.mentions.clear();
    this.highlighter.clear();
    this.painter.clear();
  }

  /** Counts as editing until `step` settles; if it fails no editor will open, so none will close. */
  private async whileOpening<T>(step: Promise<T>): Promise<T> {
    this.opening++;
    try {
      return await step;
    } catch (error) {
      // Let a restart put off meanwhile happen now.
      this.deps.onEditorClosed?.();
      throw error;
    } finally {
      this.opening--;
    }
  }

  private async edit(draft: Promise<{ draftId: string }>): Promise<boolean> {
    const [{ draftId }, parts] = await this.whileOpening(Promise.all([draft, this.parts()]));
    if (this.controller.signal.aborted) return false;
    this.editor ??= new parts.EditorFrame(this.ui, (saved) => {
      if (saved) void this.features.claims.load();
      this.deps.onEditorClosed?.();
    }, this.controller.signal);
    this.editor.open(draftId);
    return true;
  }
}

function inDocumentOrder(subjects: CardSubject[]): CardSubject[] {
  return subjects.sort((a, b) => {
    if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
    return a.range.startContainer.compareDocumentPosition(b.range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}
