// Converts a Hypothesis export (its API's annotation JSON: an array, or a search result with
// `rows`) into claims: quote, page and note kept; the claim fields are left for the user to set.
// Ids are derived from the Hypothesis id, so importing the same export twice changes nothing.

import { LIMITS, type Claim } from '../claims/claim';
import { annotationBody } from '../claims/annotation-body';
import { parseQuoteSelector, parseSource } from '../claims/validate-claim';
import { array, object, optionalString, string, ValidationError, type Json } from '../validate';
import { contentHash, withNextRevision } from './revision';
import { ImportError, type ImportedData } from './imported-data';
import { IMPORT_LIMITS } from './limits';
import { time } from './read-fields';

export function readHypothesis(data: unknown, now: number): ImportedData {
  const rows = Array.isArray(data) ? data : ((data as Json).rows as unknown[]);
  if (rows.length > IMPORT_LIMITS.claims) throw new ImportError(`The file holds ${rows.length} annotations; at most ${IMPORT_LIMITS.claims} can be imported at once.`);
  try {
    const claims = rows
      .map((row, i) => readHypothesisAnnotation(row, `annotation ${i + 1}`, now))
      .filter((c): c is Claim => c !== null);
    return { kind: 'hypothesis', deviceId: null, claims, entities: [] };
  } catch (error) {
    if (error instanceof ValidationError) throw new ImportError(`${error.message} (in a Hypothesis export)`);
    throw error;
  }
}

/** A page note (no quote) cannot become a claim about a sentence: it is skipped, not guessed. */
function readHypothesisAnnotation(value: unknown, path: string, now: number): Claim | null {
  const v = object(value, path);
  const hypothesisId = string(v.id, `${path}.id`, 100, { allowEmpty: false });
  const targets = array(v.target ?? [], `${path}.target`, 10, (t, p) => object(t, p));
  const target = targets[0];
  const selectors = target && Array.isArray(target.selector) ? (target.selector as unknown[]) : [];
  const quoteJson = selectors.find((s) => (s as Json | null)?.type === 'TextQuoteSelector');
  if (!target || !quoteJson) return null;
  // Annotations on local documents (urn:x-pdf:…, file://…) have no web page to find them on
  // again: skipped. Any other address that is not http(s) is refused below, by name.
  const address = target.source ?? v.uri;
  if (typeof address === 'string' && /^(urn|file):/i.test(address)) return null;
  const quote = parseQuoteSelector(quoteJson, `${path}.target[0].selector`);
  const positionJson = selectors.find((s) => (s as Json | null)?.type === 'TextPositionSelector') as Json | undefined;
  const start = positionStart(positionJson?.start, `${path}.target[0].selector.start`);
  const source = parseSource(target.source ?? v.uri, `${path}.uri`);
  const created = time(v.created, `${path}.created`, now);
  const modified = time(v.updated ?? v.created, `${path}.updated`, now);
  const note = string(v.text ?? '', `${path}.text`, LIMITS.note);
  // Our tags are comma-separated in the editor: "health, social care" becomes "health social care".
  const tags = array(v.tags ?? [], `${path}.tags`, LIMITS.tags, (t, p) => string(t, p, LIMITS.tag, { allowEmpty: false }).replace(/\s*,\s*/g, ' ').trim());
  const titles = (v.document as Json | undefined)?.title;
  const title = optionalString(Array.isArray(titles) ? titles[0] : undefined, `${path}.document.title`, 10_000) ?? '';
  // The UTC day, not the local one: the claim's first revision hashes it, and every install
  // importing the same file must agree on it whatever its time zone.
  const fields = { claimant: null, entities: [], madeOn: new Date(created).toISOString().slice(0, 10), claimType: 'assertion' as const, status: 'unknown' as const, deadline: null, note, tags };
  return withNextRevision({
    ...fields,
    id: uuidFrom(`hypothesis:${hypothesisId}`),
    type: 'Annotation' as const,
    motivation: 'assessing' as const,
    target: { source, selector: [quote, { type: 'TextPositionSelector', start, end: start + quote.exact.length }] as Claim['target']['selector'] },
    body: annotationBody(fields),
    pageTitle: title.slice(0, LIMITS.title),
    created,
    modified,
  });
}

/**
 * Hypothesis positions are hints (re-anchoring falls back to the quote), so an odd one is read as
 * 0; but a number JSON cannot carry back out (`1e400` is Infinity) is refused, never stored.
 */
function positionStart(value: unknown, path: string): number {
  if (typeof value !== 'number') return 0;
  if (!Number.isFinite(value)) throw new ValidationError(path, 'must be a finite number');
  return value >= 0 && value <= 1e9 ? Math.floor(value) : 0;
}

/** A stable UUID-shaped id from a name (not RFC 4122 v5, but stable and well spread). */
function uuidFrom(name: string): string {
  const h = (contentHash(name) + contentHash(`${name}#2`)).slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
