// A context-only name read by its own sentence (sentence-context.ts, through MentionIndex): a verb
// opening a sentence is no name; beside another entity the sentence names on its own it is the
// name; one capitalised word opening a sentence of prose needs such a neighbour.
import { beforeEach, describe, expect, it } from 'vitest';
import { matchBlock } from '../../../../src/content/scan/block-matches';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { MentionIndex, type Mention } from '../../../../src/content/scan/mention-index';
import { textBlocks } from '../../../../src/content/scan/text-blocks';
import { kbDictionary } from '../../helpers/kb';

const UI = 'SOUND-FAMILIAR-UI';
const KB = loadDictionary(kbDictionary());

const textOf = (m: Mention) => m.nodes.map((n) => {
  const r = m.range;
  return n.data.slice(n === r.startContainer ? r.startOffset : 0, n === r.endContainer ? r.endOffset : n.data.length);
}).join('');

/** What lights up on a page of these paragraphs, scanned block by block as the scanner does. */
function lit(...paragraphs: string[]): string[] {
  document.body.innerHTML = paragraphs.map((p) => `<p>${p}</p>`).join('');
  const shown = new Set<Mention>();
  const index = new MentionIndex(KB, '2020-06-01', '2025-06-01', { show: (m) => shown.add(m), hide: (m) => shown.delete(m) });
  for (const block of textBlocks(document.body, UI)) index.add(matchBlock(KB.searcher, block));
  return index.visible().map((m) => `${textOf(m)}=${KB.entities[m.entity]!.id}`);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('a context-only name beside another entity in its sentence', () => {
  it('counts, though the page never names it in full', () => {
    expect(lit('The LGA, Socitm and Solace have come together today.')).toEqual(['LGA=lga', 'Socitm=socitm', 'Solace=solace']);
    expect(lit('HM Treasury tells GDS: no further online services can use Verify.')).toContain('Verify=gov-uk-verify');
    expect(lit('The Local Digital team at DLUHC said so in a blogpost.')).toContain('Local Digital team=local-digital-programme-mhclg');
  });

  it('then counts for the page, like a full name', () => {
    expect(lit('The Local Digital team at DLUHC said so.', 'We went on the road with the Local Digital Roadshow.'))
      .toContain('Local Digital=local-digital-programme-mhclg');
  });

  it('does not count beside another entity in the next sentence, nor beside itself', () => {
    expect(lit('Solace has a view. The LGA agrees.')).toEqual(['LGA=lga']);
    expect(lit('Verify and Notify were both cited.')).toEqual([]);
  });

  it('does not count as the tail of a longer name ("NHS Leadership Academy" is not Socitm\'s)', () => {
    expect(lit('The NHS Leadership Academy and NHS Digital ran the course.')).toEqual(['NHS Digital=nhs-digital']);
    expect(lit('The Socitm Leadership Academy and NHS Digital ran the course.')).toEqual(['Socitm Leadership Academy=socitm-leadership-academy', 'NHS Digital=nhs-digital']);
  });

  it('leaves a surname to the page: beside a body it is still anyone\'s', () => {
    expect(lit('Javid told the LGA conference.')).toEqual(['LGA=lga']);
  });
});

describe('a surname that is also an everyday word, opening a sentence', () => {
  it('is the word unless a verb follows, on a page that names the person in full', () => {
    const page = (sentence: string) => lit('Eric Pickles spoke.', sentence).slice(1);
    expect(page('Pickles and chutneys were on sale at the fete.')).toEqual([]);
    expect(page('Pickles looks to tighten transparency rules.')).toEqual(['Pickles=eric-pickles']);
    expect(page('Pickles said councils must publish spending.')).toEqual(['Pickles=eric-pickles']);
    expect(page('Later, Pickles and Clark met.')).toEqual(['Pickles=eric-pickles']);
  });
});

describe('a surname running on into a longer proper name', () => {
  it('is that other name, on a page that names the person in full', () => {
    const page = (sentence: string) => lit('Mike Potter, Peter Kyle and Theo Blackwell spoke.', sentence).slice(3);
    expect(page('Potter Street library reopened.')).toEqual([]);
    expect(page('Kyle Walker scored twice at the weekend.')).toEqual([]);
    expect(page('Blackwell’s of Oxford opened a new branch.')).toEqual([]);
  });

  it('is still the person before a verb, a comma or a possessive', () => {
    const page = (sentence: string) => lit('Mike Potter, Peter Kyle and Theo Blackwell spoke.', sentence).slice(3);
    expect(page('Potter said the team would grow.')).toEqual(['Potter=mike-potter']);
    expect(page('As minister, Kyle wrote to councils.')).toEqual(['Kyle=peter-kyle']);
    expect(page('Blackwell’s plan for London was published.')).toEqual(['Blackwell=theo-blackwell']);
  });
});

describe('an ordinary word opening a sentence', () => {
  it('followed by a determiner or pronoun is a verb, even beside the entity named in full', () => {
    expect(lit('Verify the taxi driver’s identity before issuing a permit.', 'GOV.UK Verify is closing.')).toEqual(['GOV.UK Verify=gov-uk-verify']);
    expect(lit('Notify us of any change, says GOV.UK Notify.')).toEqual(['GOV.UK Notify=gov-uk-notify']);
  });

  it('in prose with no neighbour is the word, on a page that names the entity in full', () => {
    expect(lit('Forms can be handed in at any library.', 'Councils use GOV.UK Forms.')).toEqual(['GOV.UK Forms=gov-uk-forms']);
  });

  it('is still the name as a heading, mid-sentence, or beside another entity', () => {
    expect(lit('Verify: Digital Identity System.', 'GOV.UK Verify is closing.')).toEqual(['Verify=gov-uk-verify', 'GOV.UK Verify=gov-uk-verify']);
    expect(lit('Verify was thrown a lifeline by HM Treasury.')).toEqual(['Verify=gov-uk-verify', 'HM Treasury=hm-treasury']);
    expect(lit('Universal Credit relies on Verify.')).toEqual(['Universal Credit=universal-credit', 'Verify=gov-uk-verify']);
  });
});
