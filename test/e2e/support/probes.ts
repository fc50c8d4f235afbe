// Functions that run inside the page under test (serialised by the driver, so each must be
// self-contained: no imports, no closures over test-side variables).

export const KINDS = ['initiative', 'body', 'person'] as const;
export type Kind = (typeof KINDS)[number];
export type HighlightTexts = Record<Kind, string[]>;

export interface HighlightState {
  /** Per kind, the text of every highlighted range, whitespace collapsed (a <br> reads as a space), sorted. */
  texts: HighlightTexts;
  /** Ranges whose start node has left the document. */
  disconnected: number;
  /** Total ranges across our three highlights. */
  total: number;
  /** Every name in CSS.highlights, ours or not. */
  registered: string[];
}

/** Reads the extension's highlights from CSS.highlights (the registry is shared with content scripts). */
export function readHighlights(): HighlightState {
  const kinds = ['initiative', 'body', 'person'] as const;
  const texts = { initiative: [] as string[], body: [] as string[], person: [] as string[] };
  let disconnected = 0;
  let total = 0;
  for (const kind of kinds) {
    const highlight = CSS.highlights.get(`sound-familiar-${kind}`);
    if (!highlight) continue;
    for (const r of highlight as unknown as Iterable<AbstractRange>) {
      total++;
      if (!r.startContainer.isConnected || !r.endContainer.isConnected) {
        disconnected++;
        continue;
      }
      const live = document.createRange();
      try {
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
      } catch {
        texts[kind].push('<invalid range>');
        continue;
      }
      const fragment = live.cloneContents();
      for (const br of fragment.querySelectorAll('br')) br.replaceWith(' ');
      texts[kind].push((fragment.textContent ?? '').replace(/\s+/g, ' ').trim());
    }
    texts[kind].sort();
  }
  return { texts, disconnected, total, registered: [...CSS.highlights.keys()] };
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/**
 * The viewport box of the first line of the `nth` highlighted range (in document order) whose
 * text is `text`, or null. Used to aim the pointer.
 */
export function highlightBox(arg: { text: string; nth?: number }): Box | null {
  const found: Range[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('sound-familiar-')) continue;
    for (const r of highlight as unknown as Iterable<AbstractRange>) {
      if (!r.startContainer.isConnected) continue;
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      if (live.toString().replace(/\s+/g, ' ').trim() === arg.text) found.push(live);
    }
  }
  found.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const rect = found[arg.nth ?? 0]?.getClientRects()[0];
  return rect ? { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, width: rect.width, height: rect.height } : null;
}

export interface CardSnapshot {
  role: string | null;
  /** Text of the elements aria-labelledby names (the accessible name, computed from the DOM). */
  labelledBy: string;
  title: string;
  /** All the card's text, whitespace collapsed. */
  text: string;
  summary: string;
  /** The History section's entries, in order. */
  events: { date: string; datetime: string | null; text: string; labels: string[] }[];
  /** Every link in the card. */
  links: { text: string; label: string | null; href: string; target: string | null; rel: string | null }[];
  /** The Sources section's entries. */
  sources: { text: string; href: string | null }[];
  /** Buttons by accessible label (aria-label, else text). */
  buttons: string[];
  footer: string;
  rect: Box;
  viewport: { width: number; height: number };
  /** The focused element inside the card's shadow root, by label, or null. */
  focused: string | null;
  /** Whether the page's focus is on the extension's host element (i.e. inside the closed root). */
  hostFocused: boolean;
  dialogs: number;
}

/**
 * Reads the card out of the extension's CLOSED shadow root. It receives the root from the driver's
 * privileged channel (CDP in Chromium, WebDriver BiDi in Firefox): page scripts cannot do this.
 * Returns JSON so both protocols hand back a plain string.
 */
export function snapshotCard(root: ShadowRoot): string {
  const dialogs = [...root.querySelectorAll('[role="dialog"]')];
  const card = dialogs[0] as HTMLElement | undefined;
  if (!card || !card.isConnected) return 'null';
  const clean = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const label = (el: Element) => el.getAttribute('aria-label') ?? clean(el);
  const labelledBy = (card.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)
    .map((id) => clean(root.getElementById(id))).join(' ');
  const history = card.querySelector('[aria-label="History"]');
  const sources = card.querySelector('[aria-label="Sources"]');
  const leafTexts = (el: Element) => [...el.querySelectorAll('*')].filter((e) => e.children.length === 0).map(clean).filter(Boolean);
  const rect = card.getBoundingClientRect();
  const active = root.activeElement;
  const host = root.host;
  const snapshot = {
    role: card.getAttribute('role'),
    labelledBy,
    title: clean(card.querySelector('h1, h2, h3')),
    text: clean(card),
    summary: clean(card.querySelector('.summary')),
    events: history ? [...history.querySelectorAll('li')].map((li) => ({
      date: clean(li.querySelector('time')),
      datetime: li.querySelector('time')?.getAttribute('datetime') ?? null,
      text: clean(li),
      labels: leafTexts(li),
    })) : [],
    links: [...card.querySelectorAll('a')].map((a) => ({
      text: clean(a), label: a.getAttribute('aria-label'), href: a.href, target: a.getAttribute('target'), rel: a.getAttribute('rel'),
    })),
    sources: sources ? [...sources.querySelectorAll('li')].map((li) => ({ text: clean(li), href: li.querySelector('a')?.href ?? null })) : [],
    buttons: [...card.querySelectorAll('button')].map(label),
    footer: clean(card.querySelector('footer')),
    rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, width: rect.width, height: rect.height },
    viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
    focused: active ? (active === card ? 'dialog' : label(active)) : null,
    hostFocused: document.activeElement === host,
    dialogs: dialogs.length,
  };
  return JSON.stringify(snapshot);
}


/** One private mark box in our shadow root: its kind (claim, person…) and where it is drawn. */
export interface PrivateMark {
  kind: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Runs on our shadow root (privileged channel): every private mark box, as JSON. */
export function snapshotPrivateMarks(root: ShadowRoot): string {
  const marks = [...root.querySelectorAll<HTMLElement>('.mark')].map((m) => {
    const r = m.getBoundingClientRect();
    return { kind: [...m.classList].find((c) => c.startsWith('mark-'))?.slice(5) ?? '', left: r.left, top: r.top, width: r.width, height: r.height };
  });
  return JSON.stringify(marks);
}

/**
 * Runs in the page: the text the given mark boxes lie over, one entry per run of marked text in
 * document order (whitespace between marked lines joins a run), with the id of the element that
 * holds it. Each character counts as marked when its centre falls inside a box.
 */
export function textUnderMarks(marks: PrivateMark[]): { text: string; host: string; box: Box }[] {
  const inside = (x: number, y: number) => marks.some((m) => x >= m.left && x <= m.left + m.width && y >= m.top && y <= m.top + m.height);
  const runs: { text: string; host: string; box: Box }[] = [];
  let current: { text: string; host: string; box: Box } | null = null;
  let pending = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let i = 0; i < node.data.length; i++) {
      const ch = node.data[i]!;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      const marked = r.width > 0 && inside(r.left + r.width / 2, r.top + r.height / 2);
      if (marked) {
        if (!current) {
          let el: Node | null = node;
          while (el && !(el instanceof Element && el.id)) el = el.parentNode;
          current = { text: '', host: el instanceof Element ? el.id : '', box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height } };
          runs.push(current);
        } else current.text += pending;
        // The run's box grows along its first line (enough to hover it).
        if (Math.abs(r.top - current.box.top) < 2 && r.right > current.box.right) {
          current.box.right = r.right;
          current.box.width = r.right - current.box.left;
        }
        pending = '';
        current.text += ch;
      } else if (/\s/.test(ch)) {
        if (current) pending += ch;
      } else {
        current = null;
        pending = '';
      }
    }
  }
  return runs.map((run) => ({ ...run, text: run.text.replace(/\s+/g, ' ').trim() }));
}

/** Runs on our shadow root (privileged channel): the box of the first `selector` containing `text`, as JSON, or 'null'. */
export function snapshotUiBox(root: ShadowRoot, selector: string, text: string): string {
  const el = [...root.querySelectorAll(selector)].find((e) => (e.textContent ?? '').includes(text));
  if (!el) return 'null';
  const r = el.getBoundingClientRect();
  return JSON.stringify({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height });
}
