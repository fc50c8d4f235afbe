// The alias policy: common words, fragments and punctuation are refused as names, judged as the
// matcher sees the text; every name the built-in knowledge base ships passes, so a user's edit of
// a built-in entity can always travel through a file.
import { describe, expect, it } from 'vitest';
import { builtinEntities } from '../../../../src/background/builtin-kb';
import { aliasProblem } from '../../../../src/shared/sync/alias-policy';

describe('aliasProblem', () => {
  it.each(['the', 'The', 'THE', ' the ', 'and', 'Of', 'a', 'an', 'in', 'on', 'for', 'to', 'with', 'by', 'at', 'from', 'it', 'is', 'was', 'Government', 'council'])(
    'refuses the common word %j', (word) => {
      expect(aliasProblem(word)).toBe(`${JSON.stringify(word)} is a common word and would be highlighted on every page`);
    });

  it('sees through characters the matcher drops or folds', () => {
    expect(aliasProblem('t\u200Bhe')).toMatch(/is a common word/);
    expect(aliasProblem('th\u00ADe')).toMatch(/is a common word/);
    expect(aliasProblem('Thé')).toMatch(/is a common word/);
    expect(aliasProblem('the\u00A0\u00A0')).toMatch(/is a common word/);
  });

  it.each(['', ' ', 'GD', 'x', ' ab ', 'a\u200Bb'])('refuses %j as shorter than 3 characters', (alias) => {
    expect(aliasProblem(alias)).toMatch(/is shorter than 3 characters and would be highlighted almost everywhere$/);
  });

  it.each(['...', '---', '%%%', '“”‘’'])('refuses %j as having no letters or digits', (alias) => {
    expect(aliasProblem(alias)).toMatch(/has no letters or digits$/);
  });

  it('quotes a long alias shortened', () => {
    expect(aliasProblem('.'.repeat(100))).toBe(`"${'.'.repeat(40)}…" has no letters or digits`);
  });

  it.each(['GDS', 'LGA', 'i.AI', 'the Theory Unit', 'Mr Quin', 'GOV.UK', '2012 strategy'])('accepts %j', (alias) => {
    expect(aliasProblem(alias)).toBeNull();
  });

  it('accepts every name and alias the built-in knowledge base ships', () => {
    const refused = builtinEntities().flatMap((e) => [e.name, ...e.aliases].filter((a) => aliasProblem(a) !== null).map((a) => `${e.id}: ${a}`));
    expect(refused).toEqual([]);
  });
});

describe('control and text-direction characters', () => {
  it.each([
    ['\u001b[31mGDS', '"\\u001b[31mGDS"'],
    ['Jeremy\tQuin', '"Jeremy\\tQuin"'],
    ['\u009b2JGDS', '"\\u009b2JGDS"'],
    ['\u202eSDG', '"\\u202eSDG"'],
    ['GDS\u2066x', '"GDS\\u2066x"'],
  ])('refuses %j and spells them out in the message', (alias, quoted) => {
    expect(aliasProblem(alias)).toBe(`${quoted} contains control or text-direction characters`);
  });

  it('spells out a C1 character in any message it quotes', () => {
    expect(aliasProblem('\u0085')).not.toMatch(/[\u0080-\u009f]/);
  });
});
