// matchBlock over real DOM: each match of a text block maps back to the nodes and offsets it came
// from, as StaticRanges, across inline elements, entities, soft hyphens and <br>.
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchBlock, type BlockMatch } from '../../../../src/content/scan/block-matches';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { textBlocks } from '../../../../src/content/scan/text-blocks';
import { normalise } from '../../../../src/shared/normalise';
import { kbDictionary } from '../../helpers/kb';

const UI = 'SOUND-FAMILIAR-UI';
const KB = loadDictionary(kbDictionary());

function matchesIn(html: string): BlockMatch[] {
  document.body.innerHTML = html;
  return [...textBlocks(document.body, UI)].flatMap((b) => matchBlock(KB.searcher, b));
}

/** The page text a range covers, read node by node. */
function rangeText(m: BlockMatch): string {
  const r = m.range;
  return m.nodes.map((n) => {
    const from = n === r.startContainer ? r.startOffset : 0;
    const to = n === r.endContainer ? r.endOffset : n.data.length;
    return n.data.slice(from, to);
  }).join('');
}

const entityOf = (m: BlockMatch) => KB.entities[KB.searcher.automaton.variantEntity[m.variants[0]!]!]!.id;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('matchBlock', () => {
  it('maps a match across inline elements to the right nodes and offsets', () => {
    const [m, ...rest] = matchesIn('<p>The Local Digital <strong>Coalition</strong> met.</p>');
    expect(rest).toEqual([]);
    const p = document.querySelector('p')!;
    const first = p.firstChild as Text;
    const second = p.querySelector('strong')!.firstChild as Text;
    expect(m!.nodes).toEqual([first, second]);
    expect(m!.range.startContainer).toBe(first);
    expect(m!.range.startOffset).toBe(4);
    expect(m!.range.endContainer).toBe(second);
    expect(m!.range.endOffset).toBe('Coalition'.length);
    expect(rangeText(m!)).toBe('Local Digital Coalition');
    expect(entityOf(m!)).toBe('local-digital-coalition');
  });

  it('maps a match inside a later node, after collapsed whitespace and entities', () => {
    const [m] = matchesIn('<p>Yesterday   \n <em>the</em> minister, Sajid&nbsp;\n Javid\u2019s deputy</p>');
    expect(rangeText(m!)).toBe('Sajid\u00a0\n Javid');
    expect(m!.range.startContainer).toBe(m!.range.endContainer);
    expect(entityOf(m!)).toBe('sajid-javid');
  });

  it('covers soft hyphens inside the match and stops at the last matched character', () => {
    const [m] = matchesIn('<p>The Lo\u00adcal Digi<span>\u00ad</span>tal Fund\u00ad.</p>');
    expect(rangeText(m!)).toBe('Lo\u00adcal Digi\u00adtal Fund');
    expect(m!.nodes).toHaveLength(3);
  });

  it('finds several matches in one block, each with its own range', () => {
    const found = matchesIn('<p>GDS and the LGA backed the <a href="#">Local Digital Declaration</a>.</p>');
    expect(found.map(rangeText)).toEqual(['GDS', 'LGA', 'Local Digital Declaration']);
    expect(found.map(entityOf)).toEqual(['gds', 'lga', 'local-digital-declaration']);
  });

  it('keeps words either side of a <br> apart', () => {
    expect(matchesIn('<p>Greg Clark<br>e said</p>').map(rangeText)).toEqual(['Greg Clark']);
  });

  it('ignores blocks too short to hold an alias and blocks without matches', () => {
    expect(matchesIn('<p>G</p><p>Nothing to see here.</p>')).toEqual([]);
  });

  it('ends the range in the node holding the last character, not in an empty node after it', () => {
    document.body.innerHTML = '<p>GDS</p>';
    const p = document.querySelector('p')!;
    p.append(document.createTextNode(''), document.createTextNode(' team'));
    const [m] = [...textBlocks(document.body, UI)].flatMap((b) => matchBlock(KB.searcher, b));
    expect(m!.range.endContainer).toBe(p.firstChild);
    expect(m!.range.endOffset).toBe(3);
    expect(m!.nodes).toEqual([p.firstChild]);
  });

  it('property: however a sentence is split into inline elements, each range covers exactly the matched text', () => {
    const sentence = 'On Tuesday the Local Digital Coalition Action Plan, GDS and Sajid Javid\u2019s Local Digital Fund were discussed at gov.uk today.';
    const expected = ['Local Digital Coalition Action Plan', 'GDS', 'Sajid Javid', 'Local Digital Fund', 'gov.uk'];
    const tags = ['span', 'strong', 'em', 'a', 'b'];
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: sentence.length - 1 }), { maxLength: 12 }), fc.array(fc.nat(tags.length - 1), { minLength: 13, maxLength: 13 }),
        (cuts, tagIdx) => {
          const points = [0, ...cuts.sort((a, b) => a - b), sentence.length];
          const p = document.createElement('p');
          for (let i = 0; i + 1 < points.length; i++) {
            const piece = document.createTextNode(sentence.slice(points[i], points[i + 1]));
            if (i % 2 === 1) {
              const wrapper = document.createElement(tags[tagIdx[i]!]!);
              wrapper.append(piece);
              p.append(wrapper);
            } else p.append(piece);
          }
          document.body.replaceChildren(p);
          const found = [...textBlocks(document.body, UI)].flatMap((b) => matchBlock(KB.searcher, b));
          expect(found.map(rangeText)).toEqual(expected);
          for (const m of found) {
            expect(m.nodes[0]).toBe(m.range.startContainer);
            expect(m.nodes[m.nodes.length - 1]).toBe(m.range.endContainer);
            expect(m.range.startOffset).toBeLessThan((m.range.startContainer as Text).data.length);
            expect(m.range.endOffset).toBeGreaterThan(0);
            expect(normalise(rangeText(m)).exact).toBe(normalise(rangeText(m)).exact.trim());
          }
        }),
      { numRuns: 300 },
    );
  });
});

describe('matchBlock with names that are someone else (notAliases)', () => {
  const lit = (html: string) => matchesIn(html).map((m) => `${rangeText(m)}=${entityOf(m)}`);

  it('shows nothing for a longer name containing an alias, and still finds the alias elsewhere', () => {
    expect(lit('<p>A report by the Local Government Association of Queensland says councils want more.</p>')).toEqual([]);
    expect(lit('<p>Should there be a Local Government Digital Service of some kind?</p>')).toEqual([]);
    expect(lit('<p>The UK Government Digital Service and the Local Government Association met.</p>'))
      .toEqual(['Government Digital Service=gds', 'Local Government Association=lga']);
  });
});
