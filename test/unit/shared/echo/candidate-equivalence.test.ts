// The word-by-word candidate filter must decide every sentence exactly as the regular expressions
// it replaced did (frozen in candidate-frozen.ts): on every text of the echo fixtures, the
// page-load bench pages and the corpus pages, and on generated sentences built from the wording's
// own words, near misses, odd letter cases, separators and lookalike letters.

import { describe, expect, it } from 'vitest';
import { isCandidate } from '../../../../src/shared/echo/candidate';
import { isCandidateFrozen } from './candidate-frozen';
import { benchPageSources, corpusSources, echoFixtureSources, type SentenceSource } from './candidate-sentences';

function differences(sentences: readonly string[]): string[] {
  return sentences.filter((s) => isCandidate(s) !== isCandidateFrozen(s));
}

function expectSame(sources: SentenceSource[]): void {
  let accepted = 0;
  let total = 0;
  for (const { name, sentences } of sources) {
    expect(differences(sentences), name).toEqual([]);
    accepted += sentences.filter(isCandidateFrozen).length;
    total += sentences.length;
  }
  return void expect({ accepted: accepted > 0, rejected: accepted < total }).toEqual({ accepted: true, rejected: true });
}

const VOCAB = [
  'will', 'shall', 'would', 'should', 'could', "we'll", "'ll", 'll', 'going to', 'is to', 'are to', 'set to',
  'due to', 'plan to', 'plans to', 'aim to', 'aims to', 'intend to', 'intends to', 'expect to', 'expects to',
  'want to', 'wants to', 'hope to', 'hopes to', 'by', 'before', 'until', 'from', 'in', 'the', 'end', 'start',
  'spring', 'summer', 'autumn', 'winter', 'of', 'january', 'february', 'march', 'may', 'june', 'september',
  'december', 'octobers', '2030', '1999', '1899', '2100', '20301', '203', '2030s', '£5m', '£', '£x', '£ 5',
  'create', 'creates', 'creator', 'creating', 'establishment', 'set up', 'sets up', 'setting up', 'setup',
  'switchboard', 'put', 'puts', 'putty', 'give', 'gives', 'giving', 'given', 'push', 'pushes', 'pushed',
  'abolition', 'abolished', 'scrapbook', 'merge', 'merger', 'promise', 'pledge', 'committee', 'vowel',
  'announcer', 'launched', 'unveil', 'introduce', 'publisher', 'set out', 'outset', 'sets outside',
  'roll out', 'rolled outward', 'rolling', 'kick off', 'kicks offside', 'kicked', 'replace', 'open',
  'opens', 'opened', 'opening', 'openings', 'opener', 'go live', 'goes lively', 'gone live', 'went live',
  'is live', 'live', 'now', 'nowhere', 'snow', 'must', 'need to', 'has to', 'have to', 'due', 'dues',
  'want', 'expected', 'confirmation', 'agreed', 'approved', 'required', 'reaffirmed', 'restated', 'new',
  'news', 'first', 'firstly', 'can apply', 'can now bid', 'can now', 'can use', 'can sign', 'can signal',
  'brought forward', 'bring forward', 'delayed', 'postponed', 'extended', 'push back', 'pushed back',
  'strategy', 'strategies', 'strategys', 'strategic', 'plan', 'plans', 'planned', 'roadmaps', 'blueprint',
  'visions', 'framework', 'declaration', 'charter', 'white paper', 'white papers', 'manifesto', 'missions',
  'programme', 'program', 'fund', 'funds', 'funding', 'fundings', 'funded', 'investment', 'platform',
  'target', 'ambition', 'goal', 'pilot', 'initiative', 'call to arms', 'call to armss', 'coalition',
  'alliance', 'partnership', 'taskforce', 'task force', 'task forces', 'review', 'reviewed',
  'council', 'meets', 'town', 'hall', 'she', 'was', 'born', 'leeds', 'history', 'a', 'it', 'to', 'up',
  'out', 'off', 'back', 'forward', 'apply', 'bid', 'use', 'sign', 'paper', 'force', 'arms', 'call', 'is',
  'are', 'going', 'set', 'sets', 'setting', 'roll', 'kick', 'go', 'goes', 'gone', 'went', 'can', 'need',
  'has', 'have', 'hope', 'aim', 'will_', '_will', 'w1ll', 'wİll', '\u212aick off', 'ſhall', 'İn 2030',
  'in\u00a02030', 'Dr.', '—', '...', '’ll', 'x', '9', '¿', 'é', 'naïve', '中文', '(new)', '"will"',
];
const SEPARATORS = [' ', ' ', ' ', ' ', '  ', '\u00a0', '\t', '\n', "'", '-', '_', ',', ', ', '.', '\u2019', '\u3000', '/', ''];
/** Words that signal nothing, so that one piece of wording (or none) decides a sentence. */
const FILLER = ['the', 'council', 'meets', 'on', 'tuesdays', 'old', 'town', 'hall', 'she', 'was', 'of', 'a', 'x', '9', 'é', 'to'];
/** Every character \s matches, and some that it does not. */
const SPACES = [...'\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'];
const NOT_SPACES = ['\u200b', '\u180e', '\u0085', '\u00ad', '_', '-'];

/** A reproducible stream of sentences from VOCAB, in random letter case and with random gaps. */
function generated(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const rand = (n: number): number => {
    // mulberry32: an LCG's low bits repeat too soon to pick words with.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const cased = (w: string): string => {
    const r = rand(4);
    if (r === 0) return w.toUpperCase();
    if (r === 1) return w[0]!.toUpperCase() + w.slice(1);
    if (r === 2) return [...w].map((c) => (rand(2) ? c.toUpperCase() : c)).join('');
    return w;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    // Mostly near the word-count limits (6 and 90), where the count decides.
    const lengths = [3, 5, 6, 7, 8, 12, 20, 88, 90, 91, 95];
    const n = lengths[rand(lengths.length)]! + rand(2);
    let s = rand(5) === 0 ? ' ' : '';
    for (let k = 0; k < n; k++) {
      const w = rand(6) === 0 ? VOCAB[rand(VOCAB.length)]! : FILLER[rand(FILLER.length)]!;
      s += cased(w) + SEPARATORS[rand(SEPARATORS.length)];
    }
    const ends = ['', '.', '?', ' ?', '!', '\u00a0', '?\u00a0'];
    out.push(s + ends[rand(ends.length)]);
  }
  return out;
}

describe('isCandidate decides as the old regular expressions did', () => {
  it('on every text and sentence of the echo fixtures', () => {
    expectSame(echoFixtureSources());
  });

  it('on every sentence of the page-load bench pages and the corpus pages', () => {
    const pages = [...benchPageSources(), ...corpusSources()];
    expect(pages.length).toBeGreaterThan(0);
    expectSame(pages);
  });

  it('on generated sentences of promise wording, near misses, odd cases and separators', () => {
    const sentences = generated(25_000, 13);
    expect(differences(sentences)).toEqual([]);
    // The generator must exercise both answers and the short, long and question shapes.
    const old = sentences.map(isCandidateFrozen);
    expect(old.filter(Boolean).length).toBeGreaterThan(1000);
    expect(old.filter((d) => !d).length).toBeGreaterThan(1000);
  }, 60_000); // a slow shared machine, not a measure

  it('on each piece of wording alone, padded to six words', () => {
    const pad = 'and so on for a while';
    // Phrases also with their words apart by anything but one plain space.
    const wording = VOCAB.flatMap((w) => [w, w.toUpperCase(), ...SEPARATORS.map((sep) => w.replaceAll(' ', sep))]);
    const sentences = wording.flatMap((w) => [
      `${pad} ${w}`, `${w} ${pad}`, `${pad} ${w}.`, `${pad}${w}`, `${w}${pad}`, `${pad} x${w}`, `${pad} ${w}x`,
    ]);
    expect(differences(sentences)).toEqual([]);
  });

  it('on word counts at the limits, whatever the whitespace', () => {
    const sentences = [...SPACES, ...NOT_SPACES].flatMap((gap) => [4, 5, 6, 7, 89, 90, 91, 92].flatMap((n) => {
      const words = Array.from({ length: n }, (_, i) => (i === 2 ? 'new' : FILLER[i % FILLER.length]!));
      return [words.join(gap), `${gap}${words.join(gap)}${gap}`, words.join(`${gap}\u2014${gap}`), words.join(`${gap}${gap}`)];
    }));
    expect(differences(sentences)).toEqual([]);
  });
});
