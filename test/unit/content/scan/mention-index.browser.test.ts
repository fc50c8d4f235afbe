// MentionIndex: which mentions are shown (context-only names wait for a full mention of the same
// entity), and the lookups hover and the card make by node and offset.
import { beforeEach, describe, expect, it } from 'vitest';
import { matchBlock, type BlockMatch } from '../../../../src/content/scan/block-matches';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { MentionIndex, type Mention } from '../../../../src/content/scan/mention-index';
import { textBlocks } from '../../../../src/content/scan/text-blocks';
import { compileDictionary } from '../../../../src/shared/dictionary';
import { ENTITY_PERIODS, kbDictionary, kbEntities, PRECISION } from '../../helpers/kb';

const UI = 'SOUND-FAMILIAR-UI';
const KB = loadDictionary(kbDictionary());
const TODAY = '2025-06-01';

/** A listener that fails loudly on a double show or a hide of something not shown. */
function recorder() {
  const shown = new Set<Mention>();
  const log: string[] = [];
  return {
    shown,
    log,
    show(m: Mention) {
      if (shown.has(m)) throw new Error(`shown twice: ${m.id}`);
      shown.add(m);
      log.push(`show ${m.id}`);
    },
    hide(m: Mention) {
      if (!shown.delete(m)) throw new Error(`hidden while not shown: ${m.id}`);
      log.push(`hide ${m.id}`);
    },
  };
}

function matchesOf(root: Node): BlockMatch[] {
  return [...textBlocks(root, UI)].flatMap((b) => matchBlock(KB.searcher, b));
}
const idOf = (m: Mention) => KB.entities[m.entity]!.id;
const textOf = (m: Mention) => m.nodes.map((n) => {
  const r = m.range;
  return n.data.slice(n === r.startContainer ? r.startOffset : 0, n === r.endContainer ? r.endOffset : n.data.length);
}).join('');
const el = (id: string) => document.getElementById(id)!;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('MentionIndex: context-only mentions', () => {
  it('shows "Mr Javid" only once an unambiguous mention of him exists, and hides it again when that goes', () => {
    document.body.innerHTML = '<p id="a">Mr Javid said so.</p><p id="b">Sajid Javid, the Communities Secretary.</p>';
    const listener = recorder();
    const index = new MentionIndex(KB, undefined, TODAY, listener);

    index.add(matchesOf(el('a')));
    expect(listener.shown.size).toBe(0);
    expect(index.visible()).toEqual([]);

    index.add(matchesOf(el('b')));
    expect([...listener.shown].map(textOf).sort()).toEqual(['Mr Javid', 'Sajid Javid']);
    expect(index.visible().map(idOf)).toEqual(['sajid-javid', 'sajid-javid']);

    index.remove((m) => m.nodes.some((n) => el('b').contains(n)));
    expect(listener.shown.size).toBe(0);
    expect(index.visible()).toEqual([]);

    index.add(matchesOf(el('b')));
    expect(listener.shown.size).toBe(2);
  });

  it('shows a context-only mention at once when the full mention came first', () => {
    document.body.innerHTML = '<p id="b">Sajid Javid spoke.</p><p id="a">Javid added more.</p>';
    const listener = recorder();
    const index = new MentionIndex(KB, undefined, TODAY, listener);
    index.add(matchesOf(el('b')));
    index.add(matchesOf(el('a')));
    expect([...listener.shown].map(textOf)).toEqual(['Sajid Javid', 'Javid']);
  });

  it('keeps context-only mentions while any full mention remains', () => {
    document.body.innerHTML = '<p id="a">Javid</p><p id="b">Sajid Javid</p><p id="c">Sajid Javid MP</p>';
    const listener = recorder();
    const index = new MentionIndex(KB, undefined, TODAY, listener);
    index.add(matchesOf(document.body));
    expect(listener.shown.size).toBe(3);
    index.remove((m) => m.nodes.some((n) => el('b').contains(n)));
    expect(listener.shown.size).toBe(2);
    index.remove((m) => m.nodes.some((n) => el('c').contains(n)));
    expect(listener.shown.size).toBe(0);
  });

  it('does not let a full mention of one entity confirm another', () => {
    document.body.innerHTML = '<p>Eric Pickles met Javid.</p>';
    const listener = recorder();
    const index = new MentionIndex(KB, undefined, TODAY, listener);
    index.add(matchesOf(document.body));
    expect([...listener.shown].map(idOf)).toEqual(['eric-pickles']);
  });

  it('never shows a bare acronym with other meanings on its own (GTS is also a gas transmission system)', () => {
    document.body.innerHTML = '<p>The operator upgraded its GTS pipeline.</p>';
    const listener = recorder();
    const index = new MentionIndex(KB, undefined, TODAY, listener);
    index.add(matchesOf(document.body));
    expect(listener.shown.size).toBe(0);
    document.body.insertAdjacentHTML('beforeend', '<p id="x">The Government Transformation Strategy was published.</p>');
    index.add(matchesOf(el('x')));
    expect([...listener.shown].map(textOf).sort()).toEqual(['GTS', 'Government Transformation Strategy']);
  });

  it('clear() hides everything exactly once', () => {
    document.body.innerHTML = '<p>Mr Javid and Sajid Javid and GDS and Javid.</p>';
    const listener = recorder();
    const index = new MentionIndex(KB, undefined, TODAY, listener);
    index.add(matchesOf(document.body));
    expect(listener.shown.size).toBe(4);
    index.clear();
    expect(listener.shown.size).toBe(0);
    expect(listener.log.filter((l) => l.startsWith('hide'))).toHaveLength(4);
    expect(index.visible()).toEqual([]);
  });
});

describe('MentionIndex: lookups', () => {
  it('at(node, offset) finds the shown mention covering a position, end exclusive', () => {
    document.body.innerHTML = '<p>Hello GDS team</p>';
    const index = new MentionIndex(KB, undefined, TODAY, recorder());
    index.add(matchesOf(document.body));
    const text = document.querySelector('p')!.firstChild as Text;
    expect(index.at(text, 5)).toBeUndefined();
    expect(index.at(text, 6) && idOf(index.at(text, 6)!)).toBe('gds');
    expect(index.at(text, 8)).toBeDefined();
    expect(index.at(text, 9)).toBeUndefined();
    expect(index.at(document.querySelector('p')!, 0)).toBeUndefined();
  });

  it('at() works in every node of a mention that spans several', () => {
    document.body.innerHTML = '<p>The <b>Local</b> <i>Digital</i> Coalition met</p>';
    const index = new MentionIndex(KB, undefined, TODAY, recorder());
    index.add(matchesOf(document.body));
    const p = document.querySelector('p')!;
    const [the, local, , digital, coalition] = [p.childNodes[0], p.querySelector('b')!.firstChild, p.childNodes[2], p.querySelector('i')!.firstChild, p.childNodes[4]] as Text[];
    expect(index.at(the!, 1)).toBeUndefined();
    expect(index.at(the!, 3)).toBeUndefined(); // "The " ends before the mention
    expect(index.at(local!, 0)).toBeDefined();
    expect(index.at(digital!, 3)).toBeDefined();
    expect(index.at(coalition!, 9)).toBeDefined(); // " Coalition": last letter
    expect(index.at(coalition!, 10)).toBeUndefined(); // the space after it
  });

  it('at() does not return a hidden context-only mention', () => {
    document.body.innerHTML = '<p>Mr Javid</p>';
    const index = new MentionIndex(KB, undefined, TODAY, recorder());
    index.add(matchesOf(document.body));
    expect(index.at(document.querySelector('p')!.firstChild!, 1)).toBeUndefined();
  });

  it('counts the same match once when a block is scanned twice', () => {
    document.body.innerHTML = '<p>GDS and the LGA</p>';
    const listener = recorder();
    const index = new MentionIndex(KB, undefined, TODAY, listener);
    index.add(matchesOf(document.body));
    index.add(matchesOf(document.body));
    expect(index.visible()).toHaveLength(2);
    expect(listener.log).toEqual(['show 1', 'show 2']);
  });

  it('visible() lists mentions in document order whatever order they were added in', () => {
    document.body.innerHTML = '<p id="a">GDS</p><p id="b">LGA</p><p id="c">Socitm and CDDO</p>';
    const index = new MentionIndex(KB, undefined, TODAY, recorder());
    index.add(matchesOf(el('c')));
    index.add(matchesOf(el('a')));
    index.add(matchesOf(el('b')));
    expect(index.visible().map(idOf)).toEqual(['gds', 'lga', 'socitm', 'cddo']);
  });
});

describe('MentionIndex: shared names resolved by publication date', () => {
  const meant = (pageDate: string | undefined) => {
    document.body.innerHTML = '<p>Councils joined the Local Digital Programme.</p>';
    const index = new MentionIndex(KB, pageDate, TODAY, recorder());
    index.add(matchesOf(document.body));
    return index.visible().map(idOf);
  };
  it('means DCLG’s programme on a 2014 or 2017 page and MHCLG’s on a 2019 page or an undated one', () => {
    expect(meant('2014-03-10')).toEqual(['dclg-local-digital-programme']);
    expect(meant('2017-11-20')).toEqual(['dclg-local-digital-programme']);
    expect(meant('2019-07-01')).toEqual(['local-digital-programme-mhclg']);
    expect(meant(undefined)).toEqual(['local-digital-programme-mhclg']);
  });
});

describe('MentionIndex: a context-only name shared by several entities', () => {
  // Two people called Jones: "Mr Jones" is a context-only alias of both.
  const entities = kbEntities().map((e) => (e.id === 'marcus-jones' ? { ...e, aliases: [...e.aliases, 'Mr Jones'] } : e));
  const tom = { ...entities.find((e) => e.id === 'marcus-jones')!, id: 'tom-jones', name: 'Tom Jones', aliases: ['Tom Jones', 'Mr Jones'] };
  const dict = loadDictionary(compileDictionary([...entities, tom], PRECISION, ENTITY_PERIODS));
  const mentionsOn = (html: string) => {
    document.body.innerHTML = html;
    const listener = recorder();
    const index = new MentionIndex(dict, undefined, TODAY, listener);
    for (const b of textBlocks(document.body, UI)) index.add(matchBlock(dict.searcher, b));
    return index.visible().map((m) => `${textOf(m)}=${dict.entities[m.entity]!.id}`);
  };

  it('means whichever of them the page has already named in full', () => {
    expect(mentionsOn('<p>Tom Jones said so.</p><p>Mr Jones added more.</p>')).toEqual(['Tom Jones=tom-jones', 'Mr Jones=tom-jones']);
    expect(mentionsOn('<p>Marcus Jones said so.</p><p>Mr Jones added more.</p>')).toEqual(['Marcus Jones=marcus-jones', 'Mr Jones=marcus-jones']);
  });

  it('is not shown when neither is named in full', () => {
    expect(mentionsOn('<p>Mr Jones added more.</p>')).toEqual([]);
  });
});

describe('MentionIndex: role titles read at the page\'s date', () => {
  const read = (html: string, pageDate: string | undefined, today = TODAY) => {
    document.body.innerHTML = html;
    const index = new MentionIndex(KB, pageDate, today, recorder());
    index.add(matchesOf(document.body));
    return index.visible().map((m) => ({ text: textOf(m), id: idOf(m), title: m.title }));
  };

  it('"the Communities Secretary" on a 2017 page is Sajid Javid, and in 2023 Michael Gove', () => {
    const html = '<p>The Communities Secretary wrote to councils.</p>';
    expect(read(html, '2017-03-14')).toEqual([{ text: 'Communities Secretary', id: 'sajid-javid', title: { title: 'Communities Secretary', from: '2016-07-14', to: '2018-04-30', on: '2017-03-14', undated: false } }]);
    expect(read(html, '2023-03-14').map((m) => m.id)).toEqual(['michael-gove']);
  });

  it('"the Housing Secretary" in June 2020 is Robert Jenrick; the Minister for the Cabinet Office and the GCDO likewise', () => {
    expect(read('<p>Yesterday the housing secretary said so.</p>', '2020-06-10').map((m) => m.id)).toEqual(['robert-jenrick']);
    expect(read('<p>A speech by the Minister for the Cabinet Office today.</p>', '2016-10-01').map((m) => m.id)).toEqual(['ben-gummer']);
    expect(read('<p>The Government Chief Digital Officer set out the plan.</p>', '2023-05-02').map((m) => m.id)).toEqual(['mike-potter']);
  });

  it('shows a title with no holder on the page\'s date nowhere', () => {
    expect(read('<p>The Housing Secretary said so.</p>', '2012-01-01')).toEqual([]);
    expect(read('<p>The Government Chief Digital Officer said so.</p>', '2025-12-01')).toEqual([]);
  });

  it('on a page with no date reads today\'s holder, and marks the reading as undated', () => {
    const [m, ...rest] = read('<p>The Housing Secretary said so.</p>', undefined, '2026-12-06');
    expect(rest).toEqual([]);
    expect(m!.id).toBe('steve-reed');
    expect(m!.title).toMatchObject({ title: 'Housing Secretary', on: '2026-12-06', undated: true });
  });

  it('leaves a former, shadow or named holder to the words around it', () => {
    expect(read('<p>The former Communities Secretary spoke. The shadow Housing Secretary replied.</p>', '2017-03-14')).toEqual([]);
    expect(read('<p>Michael Gove, the Housing Secretary, said so.</p>', '2017-03-14').map((m) => m.id)).toEqual(['michael-gove']);
    expect(read('<p>Ex-<a href="#">Communities Secretary</a> spoke.</p>', '2017-03-14')).toEqual([]);
  });

  it('keeps the names inside a title it did not read as a holder ("former Cabinet Office minister")', () => {
    const seen = (html: string, date: string) => read(html, date).map((m) => `${m.text}=${m.id}`);
    expect(seen('<p>Former Cabinet Office minister Ben Gummer once offered a definition.</p>', '2019-05-01'))
      .toEqual(['Cabinet Office=cabinet-office', 'Ben Gummer=ben-gummer']);
    expect(seen('<p>Minister for the Cabinet Office Francis Maude said so.</p>', '2013-05-01'))
      .toEqual(['Cabinet Office=cabinet-office', 'Francis Maude=francis-maude']);
    // Across inline markup too, with the range inside the title's.
    expect(seen('<p>The shadow <em>Cabinet Office</em> minister said so.</p>', '2023-05-01')).toEqual(['Cabinet Office=cabinet-office']);
  });

  it('keeps a person\'s own name mentions untouched by titles', () => {
    expect(read('<p>Sajid Javid said so.</p>', '2017-03-14')).toEqual([{ text: 'Sajid Javid', id: 'sajid-javid', title: undefined }]);
  });
});

describe('MentionIndex: the page date is read only when a match needs it', () => {
  it('never reads it for a page with plain names, and reads it once for a title', () => {
    let reads = 0;
    const date = () => {
      reads++;
      return '2017-03-14';
    };
    document.body.innerHTML = '<p id="a">The Government Digital Service and GOV.UK.</p><p id="b">The Communities Secretary wrote. The Communities Secretary said.</p>';
    const index = new MentionIndex(KB, date, TODAY, recorder());
    index.add(matchesOf(el('a')));
    expect(index.visible().length).toBeGreaterThan(0);
    expect(reads).toBe(0);
    index.add(matchesOf(el('b')));
    expect(index.visible().filter((m) => m.title).map(idOf)).toEqual(['sajid-javid', 'sajid-javid']);
    expect(reads).toBe(1);
  });
});
