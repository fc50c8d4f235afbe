import { describe, expect, it } from 'vitest';
import { CONCEPTS, IDEA_NAMES, IDEA_TERMS } from '../../../../src/shared/echo/concepts';
import { stem } from '../../../../src/shared/echo/stem';
import { termCounts } from '../../../../src/shared/echo/tokenize';

const meet = (a: string, b: string, term: string) => {
  expect(termCounts(a).has(term), a).toBe(true);
  expect(termCounts(b).has(term), b).toBe(true);
};

describe('concepts', () => {
  it('folds different wordings of one idea of the field into one term', () => {
    meet('Directors must prove who they are', 'identity verification for directors', 'ident');
    meet('an end to ageing systems', 'tackling legacy IT', 'legaci');
    meet('shared components every department can use', 'government as a platform', 'gaap');
    meet('cutting paperwork for teachers', 'less red tape', 'paperwork');
    meet('gigabit-capable broadband by 2030', 'full fibre for every home', 'broadband');
    meet('helping people get online', 'digital inclusion', 'inclus');
    meet('local authorities', 'councils', 'council');
    meet('Tell us once', 'no more re-keying', 'onceonli');
    meet('half of senior civil servants based outside London', 'moving parts of government out of Whitehall', 'outsidelondon');
    meet('information people give can be reused by other services', 'powers to share personal information', 'datashar');
    meet('removing the costs of paper-based services', 'a paperless NHS', 'paperless');
    meet('an identity checking service', 'proving identity once', 'ident');
    meet('publishing spending over £500', 'a new transparency code', 'spendtranspar');
    meet('strategic authorities across England', 'a devolution deal', 'devolut');
    meet('Airwave will be switched off', 'the old network will be decommissioned', 'switchoff');
    meet('the merger of the two bodies', 'its abolition', 'merger');
    meet('mandatory for every department', 'a legal requirement', 'mandatori');
    meet('the offline population', 'data poverty', 'inclus');
    meet('cyber security of councils', 'cyber resilient by 2030', 'cybersecur');
    meet('buyers must look at cloud services first', 'a Cloud First policy', 'cloudfirst');
    meet('public bodies evaluate cloud options first', 'look at public cloud services before anything else', 'cloudfirst');
  });

  it('leaves ordinary uses of the same words alone', () => {
    expect(termCounts('an old friend of the system').has('legaci')).toBe(false);
    expect(termCounts('a shared view of the future').has('gaap')).toBe(false);
    expect(termCounts('a share of the information budget').has('datashar')).toBe(false);
    expect(termCounts('the first cloud computing contract').has('cloudfirst')).toBe(false);
  });

  it('names every concept, and a concept term survives tokenising as itself (it is never stemmed again)', () => {
    for (const c of CONCEPTS) {
      expect(IDEA_TERMS.has(c.term)).toBe(true);
      expect(IDEA_NAMES[c.term]).toBe(c.name);
      expect([...termCounts(c.term).keys()], c.term).toEqual([c.term]);
      expect(c.pattern.flags).toContain('g');
    }
    // A plain word whose stem is a concept term meets it: "inclusion" alone is the inclusion idea.
    expect(termCounts('inclusion').has(stem('inclusion'))).toBe(true);
    expect(IDEA_TERMS.has(stem('inclusion'))).toBe(true);
  });
});
