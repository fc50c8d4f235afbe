// What the background tells a tab about each earlier promise a page sentence repeats: the
// message reply behind the "Sound familiar?" card and the choice of public or private paint; and
// how much of a page's text the tab may send to be read for echoes.

/**
 * A page sends its sentences of ECHO_MIN_CHARS to ECHO_SENTENCE_CHARS, up to this much text in
 * all (an article's worth): the background picks the candidates among them (ECHO_CANDIDATES).
 * Their number is bounded by the text alone, so a page of short rows still sends all of it.
 */
export const ECHO_TEXT_CHARS = 200_000;
export const ECHO_SENTENCE_CHARS = 1000;
/** Shorter than six one-letter words ("a b c d e f"): never a candidate, so never sent. */
export const ECHO_MIN_CHARS = 11;
export const ECHO_SENTENCES = Math.ceil(ECHO_TEXT_CHARS / ECHO_MIN_CHARS);
/** The most sentences of a page the background compares with earlier promises. */
export const ECHO_CANDIDATES = 200;

/** An earlier promise or announcement a page sentence repeats, as the "Sound familiar?" card shows it. */
export interface EchoView {
  /** `entityId#eventIndex` for built-in events; the claim's id for the reader's claims. */
  id: string;
  origin: 'builtin' | 'claim';
  /** True unless it is an event of an unedited built-in entity: a private echo is never painted where the page can read it. */
  private: boolean;
  /** Who made it: the entity's name, or "Your claim". */
  label: string;
  entityId?: string;
  date: string;
  dateLabel?: string;
  type: string;
  text: string;
  outcome?: string;
  /** The reader's claim's status (made, repeated, delivered…). */
  status?: string;
  source?: { title: string; url?: string; publisher?: string };
  /** 0–1. */
  confidence: number;
  /** What the two have in common, for the card's explanation. */
  shared: { words: string[]; ideas: string[]; entities: string[] };
}
