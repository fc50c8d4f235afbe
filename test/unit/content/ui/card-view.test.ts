// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderCard, type CardContext } from '../../../../src/content/ui/card-view';
import { el, link } from '../../../../src/content/ui/dom';
import type { Entity } from '../../../../src/shared/types';
import { asStored, kbEntities, type EntityFields } from '../../helpers/kb';

const XSS = '<img src=x onerror=alert(1)>';

function entity(overrides: Partial<EntityFields> = {}): Entity {
  return asStored({
    id: 'test-body',
    kind: 'body',
    name: 'Test Body',
    aliases: [],
    summary: 'A body for tests.',
    events: [
      { date: '2019-03', text: 'Second event', src: [1] },
      { date: '2015-07-03', text: 'First event', outcome: 'It happened.', src: [0] },
      { date: '2021', text: 'Third event', src: [0, 2], confidence: 'uncertain' },
    ],
    sources: [
      { title: 'Source A', url: 'https://example.org/a', date: '2015-07' },
      { title: 'Source B', url: 'javascript:alert(1)' },
      { title: 'Source C' },
    ],
    confidence: 'sourced',
    origin: 'builtin',
    created: 1,
    modified: 1,
    ...overrides,
  });
}

function ctx(overrides: Partial<CardContext> = {}): CardContext {
  return { position: { index: 1, total: 5 }, onStep: vi.fn(), onClose: vi.fn(), ...overrides };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('renderCard', () => {
  it('is a dialog labelled by the entity name', () => {
    const card = renderCard(document, entity(), ctx());
    document.body.append(card);
    expect(card.getAttribute('role')).toBe('dialog');
    const labelId = card.getAttribute('aria-labelledby')!;
    expect(labelId).toBeTruthy();
    expect(card.querySelector(`#${labelId}`)!.textContent).toBe('Test Body');
    expect(card.querySelector('.kind')!.textContent).toBe('Body');
  });

  it('renders every piece of text as text, never as markup', () => {
    const hostile = entity({
      name: `Name ${XSS}`,
      summary: `Summary ${XSS}`,
      confidence: `Caveat ${XSS}`,
      events: [{ date: '2015', text: `Event ${XSS}`, outcome: `Outcome ${XSS}`, src: [0], confidence: `maybe ${XSS}` }],
      sources: [{ title: `Title ${XSS}`, url: 'https://example.org/' }],
    });
    const card = renderCard(document, hostile, ctx());
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(card.querySelector('h2')!.textContent).toBe(`Name ${XSS}`);
    expect(card.querySelector('.summary')!.textContent).toBe(`Summary ${XSS}`);
    expect(card.querySelector('.caveat')!.textContent).toContain(`Caveat ${XSS}`);
    expect(card.textContent).toContain(`Event ${XSS}`);
    expect(card.textContent).toContain(`Outcome ${XSS}`);
    expect(card.querySelector('.source')!.textContent).toBe(`Title ${XSS}`);
  });

  it('links only http(s) sources, in a new tab without opener or referrer', () => {
    const card = renderCard(document, entity(), ctx());
    const links = [...card.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    const sources = [...card.querySelectorAll('.sources li')];
    expect(sources.map((li) => li.querySelector('.source')!.tagName)).toEqual(['A', 'SPAN', 'SPAN']);
    expect(sources[0]!.querySelector('a')!.getAttribute('href')).toBe('https://example.org/a');
    expect(card.innerHTML).not.toContain('javascript:');
  });

  it('renders a javascript: citation as plain text', () => {
    const card = renderCard(document, entity(), ctx());
    const second = [...card.querySelectorAll('.timeline li')].find((li) => li.textContent!.includes('Second event'))!;
    const cite = second.querySelector('.cite')!;
    expect(cite.tagName).toBe('SPAN');
    expect(cite.textContent).toBe('[2]');
  });

  it('lists events oldest first with human dates and outcomes', () => {
    const card = renderCard(document, entity(), ctx());
    const items = [...card.querySelectorAll('.timeline > li')];
    expect(items.map((li) => li.querySelector('time')!.textContent)).toEqual(['3 Jul 2015', 'Mar 2019', '2021']);
    expect(items.map((li) => li.querySelector('time')!.getAttribute('datetime'))).toEqual(['2015-07-03', '2019-03', '2021']);
    expect(items[0]!.querySelector('.outcome')!.textContent).toBe('Outcome: It happened.');
    expect(items[1]!.querySelector('.outcome')).toBeNull();
  });

  it('labels an uncertain event visibly, and only that one', () => {
    const card = renderCard(document, entity(), ctx());
    const items = [...card.querySelectorAll('.timeline > li')];
    const labelled = items.filter((li) => li.querySelector('.badge'));
    expect(labelled).toHaveLength(1);
    expect(labelled[0]!.textContent).toContain('Third event');
    expect(labelled[0]!.querySelector('.badge')!.textContent).toBe('Uncertain');
    expect(labelled[0]!.classList.contains('uncertain')).toBe(true);
  });

  it('shows the entity-level caveat only when it is not plain "sourced"', () => {
    expect(renderCard(document, entity(), ctx()).querySelector('.caveat')).toBeNull();
    const card = renderCard(document, entity({ confidence: 'sourced (founding date not found)' }), ctx());
    expect(card.querySelector('.caveat')!.textContent).toContain('founding date not found');
  });

  it('says so when there is no history, and omits empty sources', () => {
    const card = renderCard(document, entity({ events: [], sources: [] }), ctx());
    expect(card.querySelector('.timeline')).toBeNull();
    expect(card.querySelector('.empty')!.textContent).toMatch(/No dated history/);
    expect(card.querySelector('.sources')).toBeNull();
  });

  it('wires close and step buttons and shows the position', () => {
    const onStep = vi.fn();
    const onClose = vi.fn();
    const card = renderCard(document, entity(), ctx({ onStep, onClose, position: { index: 1, total: 5 } }));
    (card.querySelector('button.close') as HTMLButtonElement).click();
    expect(onClose).toHaveBeenCalledTimes(1);
    (card.querySelector('button[aria-label="Next mention"]') as HTMLButtonElement).click();
    (card.querySelector('button[aria-label="Previous mention"]') as HTMLButtonElement).click();
    // A script's click says so: only the reader's walks on into other frames.
    expect(onStep.mock.calls).toEqual([[1, false], [-1, false]]);
    expect(card.querySelector('.count')!.textContent).toBe('Mention 2 of 5 on this page');
  });

  it('counts a frame\'s mentions as the frame\'s', () => {
    const card = renderCard(document, entity(), ctx({ position: { index: 0, total: 2, inFrame: true } }));
    expect(card.querySelector('.count')!.textContent).toBe('Mention 1 of 2 in this frame');
  });

  it('renders every real knowledge-base entity with all its events and only safe links', () => {
    for (const e of kbEntities()) {
      const card = renderCard(document, e, ctx());
      expect(card.querySelectorAll('.timeline > li').length).toBe(e.events.length);
      expect(card.querySelectorAll('.sources li').length).toBe(e.sources.length);
      for (const a of card.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(card.querySelectorAll('.badge').length).toBe(e.events.filter((ev) => ev.confidence).length);
    }
  }, 60_000); // 265 entities through happy-dom's DOM: seconds, not milliseconds
});

describe('dom helpers', () => {
  it('el() turns strings into text nodes and skips empty children', () => {
    const node = el(document, 'p', { class: 'x', title: undefined }, XSS, null, false, undefined, el(document, 'b', {}, 'bold'));
    expect(node.querySelector('img')).toBeNull();
    expect(node.textContent).toBe(`${XSS}bold`);
    expect(node.hasAttribute('title')).toBe(false);
    expect(node.getAttribute('class')).toBe('x');
  });

  it('el() refuses href and event-handler attributes', () => {
    expect(() => el(document, 'a', { href: 'https://example.org' })).toThrow();
    expect(() => el(document, 'div', { onclick: 'alert(1)' })).toThrow();
    expect(() => el(document, 'img', { onerror: 'alert(1)' })).toThrow();
  });

  it('link() makes a safe external link or a span', () => {
    const a = link(document, 'https://www.gov.uk/x', { class: 'c' }, 'GOV.UK');
    expect(a.tagName).toBe('A');
    expect(a.getAttribute('href')).toBe('https://www.gov.uk/x');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.getAttribute('target')).toBe('_blank');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/relative', undefined]) {
      const span = link(document, bad, { class: 'c' }, 'text');
      expect(span.tagName).toBe('SPAN');
      expect(span.hasAttribute('href')).toBe(false);
      expect(span.textContent).toBe('text');
    }
  });
});

describe('renderCard: read as of the page', () => {
  const kb = (id: string) => kbEntities().find((e) => e.id === id)!;
  const reading = (card: HTMLElement) => card.querySelector('.reading')?.textContent ?? null;

  it('shows a person\'s post on the page\'s date and what they are now', () => {
    const card = renderCard(document, kb('sajid-javid'), ctx({ today: '2026-12-06', reading: { pageDate: '2017-03-14', text: 'Sajid Javid' } }));
    expect(card.querySelector('.role-then')!.textContent).toBe('On 14 Mar 2017 (this page’s date): Secretary of State for Communities and Local Government');
    expect(card.querySelector('.role-now')!.textContent).toMatch(/^Now: left office (on \d+ |in )?(\w+ )?20\d\d \(last post: /);
  });

  it('says "and now" when the post on the page\'s date is still held, and "no post on record" outside every post', () => {
    const reed = kb('steve-reed');
    const now = renderCard(document, reed, ctx({ today: '2026-12-06', reading: { pageDate: '2026-01' } }));
    expect(now.querySelector('.role-then')!.textContent).toMatch(/^In Jan 2026 \(this page’s date\) and now: /);
    expect(now.querySelector('.role-now')).toBeNull();
    const before = renderCard(document, kb('sajid-javid'), ctx({ today: '2026-12-06', reading: { pageDate: '2009-01-01' } }));
    expect(before.querySelector('.role-then')!.textContent).toBe('On 1 Jan 2009 (this page’s date): no post on record');
  });

  it('names a post\'s body only where the post does not already say it', () => {
    const role = (title: string, body: string) => ({ title, body, from: '2019-07', to: '2020-02-13', src: [] });
    const person = (r: ReturnType<typeof role>) => renderCard(document, asStored({
      id: 'p', kind: 'person', name: 'P', aliases: [], summary: '', events: [], sources: [], confidence: 'sourced', origin: 'builtin', created: 1, modified: 1, roles: [r],
    }), ctx({ today: '2026-12-06', reading: {} })).querySelector('.role-now')!.textContent;
    expect(person(role('Chancellor of the Exchequer', 'HM Treasury'))).toBe('Now: left office on 13 Feb 2020 (last post: Chancellor of the Exchequer, HM Treasury)');
    expect(person(role('Secretary of State for Housing, Communities and Local Government', 'Ministry of Housing, Communities and Local Government')))
      .toBe('Now: left office on 13 Feb 2020 (last post: Secretary of State for Housing, Communities and Local Government)');
  });

  it('on a page with no date shows only what a person is now', () => {
    const card = renderCard(document, kb('robert-jenrick'), ctx({ today: '2026-12-06', reading: { text: 'Robert Jenrick' } }));
    expect(card.querySelector('.role-then')).toBeNull();
    expect(card.querySelector('.role-now')!.textContent).toMatch(/^Now: /);
  });

  it('says how a post\'s title was read: as the holder on the page\'s date', () => {
    const card = renderCard(document, kb('robert-jenrick'), ctx({ today: '2026-12-06', reading: {
      pageDate: '2020-06-10', text: 'the Housing Secretary',
      title: { title: 'Housing Secretary', from: '2019-07-24', to: '2021-09-15', on: '2020-06-10', undated: false },
    } }));
    expect(card.querySelector('.reading-note')!.textContent).toBe('“Housing Secretary” read as the holder on 10 Jun 2020, the page’s date: Robert Jenrick (Housing Secretary, 24 Jul 2019 to 15 Sep 2021).');
  });

  it('never reads an undated page silently: it says the title was read as today\'s holder', () => {
    const card = renderCard(document, kb('steve-reed'), ctx({ today: '2026-12-06', reading: {
      text: 'Housing Secretary', title: { title: 'Housing Secretary', from: '2025-09-05', on: '2026-12-06', undated: true },
    } }));
    const note = card.querySelector('.reading-note.undated')!;
    expect(note.textContent).toMatch(/^This page has no publication date: “Housing Secretary” is read as today’s holder, Steve Reed \(since 5 Sep 2025\)\./);
  });

  it('for a renamed body the page names by an old name, says what it is called now', () => {
    const dept = kb('housing-communities-local-government-department');
    const byName = renderCard(document, dept, ctx({ reading: { text: 'DCLG' } }));
    expect(byName.querySelector('.renamed')!.textContent).toBe(
      'This page uses an earlier name: Department for Communities and Local Government (May 2006 to 8 Jan 2018). Now called: Ministry of Housing, Communities and Local Government (since 8 Jul 2024).');
    const dluhc = renderCard(document, dept, ctx({ reading: { text: 'Department for Levelling Up, Housing and Communities', pageDate: '2026-01-01' } }));
    expect(dluhc.querySelector('.renamed')!.textContent).toMatch(/^This page uses an earlier name: Department for Levelling Up, Housing and Communities/);
    const byDate = renderCard(document, dept, ctx({ reading: { text: 'the department', pageDate: '2022-05-01' } }));
    expect(byDate.querySelector('.renamed')!.textContent).toMatch(/^On 1 May 2022 \(this page’s date\) it was: Department for Levelling Up, Housing and Communities/);
  });

  it('says nothing of names where the page uses the current one (MHCLG, in 2019 as now)', () => {
    const dept = kb('housing-communities-local-government-department');
    expect(reading(renderCard(document, dept, ctx({ reading: { text: 'MHCLG', pageDate: '2019-05-01' } })))).toBeNull();
    expect(reading(renderCard(document, dept, ctx({ reading: { text: 'Ministry of Housing, Communities and Local Government' } })))).toBeNull();
    expect(reading(renderCard(document, entity(), ctx({ reading: { pageDate: '2019-05-01', text: 'Test Body' } })))).toBeNull();
  });

  it('renders the page\'s words and the knowledge\'s as text, never markup', () => {
    const person = asStored({
      id: 'p', kind: 'person', name: `P ${XSS}`, aliases: [], summary: '', events: [], sources: [], confidence: 'sourced', origin: 'builtin', created: 1, modified: 1,
      roles: [{ title: `Post ${XSS}`, body: `Body ${XSS}`, from: '2015', src: [] }],
    });
    const card = renderCard(document, person, ctx({ today: '2026-01-01', reading: { pageDate: '2016', text: XSS, title: { title: `T ${XSS}`, from: '2015', on: '2016', undated: true } } }));
    document.body.append(card);
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('.reading')!.textContent).toContain(XSS);
  });
});
