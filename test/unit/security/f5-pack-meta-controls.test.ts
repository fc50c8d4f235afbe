// F5: a pack's title, maintainer and licence are shown in settings; control and text-direction
// characters could disguise them, so a pack carrying any is refused.
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../src/shared/packs/parse-pack';
import { goodPack, packText } from '../../fixtures/packs/make-pack';

describe('F5: pack meta text', () => {
  it('a pack\'s title and maintainer refuse control and text-direction characters', () => {
    const pack = goodPack(); pack.meta.maintainer = 'Cabinet Office\u202E\n'; pack.meta.title = 'Pack\u0007';
    const parsed = parsePack(packText(pack));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.join('\n')).toMatch(/meta\.title: contains control/);
      expect(parsed.errors.join('\n')).toMatch(/meta\.maintainer: contains control/);
    }
  });

  it.each(['\u2066', '\u200F', '\u009B', '\u0000'])('a licence with U+%s is refused', (c) => {
    const pack = goodPack(); pack.meta.licence = `OGL${c}`;
    expect(parsePack(packText(pack)).ok).toBe(false);
  });

  it('plain meta text is accepted', () => {
    expect(parsePack(packText(goodPack())).ok).toBe(true);
  });
});
