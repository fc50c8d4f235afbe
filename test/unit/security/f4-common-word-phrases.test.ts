// @vitest-environment happy-dom
// F4: a phrase made only of common words ("of the") would light up every page; it is no alias.
import '../helpers/static-range';
import { describe, expect, it } from 'vitest';
import { aliasProblem } from '../../../src/shared/sync/alias-policy';
import { goodPack } from '../../fixtures/packs/make-pack';
import { shownOn } from './shown-on';

describe('F4: aliases of common words only', () => {
  it('a pack with the alias "of the" is refused, so nothing is shown on ordinary prose', () => {
    const pack = goodPack(); pack.entities[0].aliases.push('of the');
    const shown = shownOn('<p>Most of the time, none of the people in the room.</p>', pack);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^refused: .*"of the" is made only of common words/);
  });

  it.each(['of the', 'in the', 'it is', 'last year', 'this week', 'Of The'])('"%s" is refused', (alias) => {
    expect(aliasProblem(alias)).toMatch(/made only of common words/);
  });

  it.each(['Government Digital Service', 'Home Office', 'Tell Us Once', 'Local Government Association'])('"%s" is still a name', (alias) => {
    expect(aliasProblem(alias)).toBeNull();
  });
});
