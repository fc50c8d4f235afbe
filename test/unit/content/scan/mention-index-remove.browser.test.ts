// MentionIndex.removeOn: a rescan's old mentions found by the text nodes it rereads (the Scanner's
// flush), each hidden once, and what their going unconfirms hidden with them.
import { describe, expect, it } from 'vitest';
import { matchBlock } from '../../../../src/content/scan/block-matches';
import { loadDictionary } from '../../../../src/content/scan/loaded-dictionary';
import { MentionIndex, mentionText, type Mention } from '../../../../src/content/scan/mention-index';
import { textBlocks } from '../../../../src/content/scan/text-blocks';
import { kbDictionary } from '../../helpers/kb';

const UI = 'SOUND-FAMILIAR-UI';
const KB = loadDictionary(kbDictionary());

describe('MentionIndex: removeOn(nodes)', () => {
  it('removes exactly the mentions touching the given text nodes, each once, even one spanning several', () => {
    document.body.innerHTML = '<p id="a">Sajid <b>Javid</b> and GDS.</p><p id="b">Javid and the LGA.</p>';
    const shown = new Set<Mention>();
    let hides = 0;
    const index = new MentionIndex(KB, undefined, '2025-06-01', {
      show: (m) => shown.add(m),
      hide: (m) => {
        if (!shown.delete(m)) throw new Error(`hidden while not shown: ${m.id}`);
        hides++;
      },
    });
    index.add([...textBlocks(document.body, UI)].flatMap((b) => matchBlock(KB.searcher, b)));
    expect([...shown].map(mentionText).sort()).toEqual(['GDS', 'Javid', 'LGA', 'Sajid Javid']);
    const a = document.getElementById('a')!;
    const textsOfA = [a, ...a.querySelectorAll('*')].flatMap((e) => [...e.childNodes].filter((n) => n.nodeType === 3));

    // Both of "Sajid Javid"'s nodes are given: it is hidden once. Losing it unconfirms "Javid" in b.
    index.removeOn(textsOfA);
    expect([...shown].map(mentionText)).toEqual(['LGA']);
    expect(hides).toBe(3);

    index.removeOn([]); // nothing given, nothing removed
    index.removeOn(textsOfA); // already gone: no second hide
    expect(hides).toBe(3);
    expect(index.visible().map(mentionText)).toEqual(['LGA']);
  });
});
