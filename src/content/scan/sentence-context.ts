// What a name that counts only in context ("Solace", "Verify", "Local Digital team") is, by its
// own sentence. A verb opening a sentence ("Verify the applicant's address", "Notify us") is no
// name at all. Beside another entity the sentence names on its own ("The LGA, Socitm and Solace
// have…", "the Local Digital team at DLUHC") it is the name, whatever the rest of the page says,
// unless a capitalised word runs into it ("NHS Leadership Academy": the tail of a longer name).
// One capitalised word opening a sentence of prose with no such neighbour ("Forms can be handed
// in") is the ordinary word, even on a page that names the entity in full: its capital says nothing
// there. Before punctuation ("Verify: Digital Identity System", a heading) the page decides.
// Otherwise the page decides (mention-index.ts: the entity named unambiguously elsewhere).
// People are left to the page, a surname beside a body being still anyone's surname, except that
// a surname running on into a longer proper name ("Potter Street", "Kyle Walker", "Blackwell's of
// Oxford") is that other name, and one that is also a word opening a sentence is the word unless a
// verb follows ("Pickles said", not "Pickles and chutneys", "Bracken fern covers").

import { EVERYDAY_WORD, NEEDS_CONTEXT } from '../../shared/matcher/alias-rules';
import type { BlockMatch } from './block-matches';
import type { LoadedDictionary } from './loaded-dictionary';

export type InSentence = 'not-a-name' | 'named-beside' | 'page-decides';

/** For the matches of one block: how its sentence reads a context-only match of `entity`. */
export function sentenceReader(matches: readonly BlockMatch[], dictionary: LoadedDictionary): (match: BlockMatch, entity: number, flags: number) => InSentence {
  const a = dictionary.searcher.automaton;
  const count = dictionary.entities.length;
  /** The entities each match names on its own (no context needed). */
  const standalone = (m: BlockMatch) => m.variants.filter((v) => !(a.variantFlags[v]! & NEEDS_CONTEXT) && a.variantEntity[v]! < count).map((v) => a.variantEntity[v]!);
  return (match, entity, flags) => {
    const place = match.place;
    const kind = dictionary.entities[entity]?.kind;
    if (!place || !kind) return 'page-decides';
    if (kind === 'person') {
      if (place.runsOn && isOneWord(match)) return 'not-a-name';
      // A surname that is also a word, opening a sentence of prose, is the person only as a verb's subject.
      return flags & EVERYDAY_WORD && place.opensAsWord && place.wordFollows && !place.verbFollows ? 'not-a-name' : 'page-decides';
    }
    if (place.opensAsWord && place.objectFollows) return 'not-a-name';
    const beside = matches.some((m) => m !== match && m.place?.sentence === place.sentence && standalone(m).some((e) => e !== entity));
    // "NHS Leadership Academy" beside NHS Digital is the NHS's academy, not Socitm's.
    if (beside) return place.afterName ? 'page-decides' : 'named-beside';
    return place.opensAsWord && place.wordFollows ? 'not-a-name' : 'page-decides';
  };
}

/** A single word ("Potter"), not "Mr Potter" or "Lord Maude": those are names already. */
function isOneWord(match: BlockMatch): boolean {
  const r = match.range;
  const text = match.nodes.map((n) => n.data.slice(n === r.startContainer ? r.startOffset : 0, n === r.endContainer ? r.endOffset : n.data.length)).join('');
  return !/\s/u.test(text.trim());
}
