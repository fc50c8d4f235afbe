// Validates the parts of a claim that cross a trust boundary: fields typed in the editor,
// selectors captured from a page, whole claims in an imported file. Returns clean copies.

import { pageKey } from '../page-url';
import { pageAddress } from '../safe-url';
import {
  array, entityId, integer, object, oneOf, optionalPartialDate, optionalString, partialDate, string, ValidationError,
} from '../validate';
import { CLAIM_STATUSES, CLAIM_TYPES, LIMITS, type ClaimFields, type ClaimTarget, type TextPositionSelector, type TextQuoteSelector } from './claim';

export function parseClaimFields(value: unknown, path = 'fields'): ClaimFields {
  const v = object(value, path);
  const tags = array(v.tags ?? [], `${path}.tags`, LIMITS.tags, (t, p) => {
    const tag = string(t, p, LIMITS.tag, { allowEmpty: false }).trim();
    // Tags are typed as a comma-separated list, so a comma inside one could not survive an edit.
    if (tag.includes(',')) throw new ValidationError(p, 'must not contain a comma');
    return tag;
  });
  return {
    claimant: v.claimant === null || v.claimant === undefined ? null : entityId(v.claimant, `${path}.claimant`),
    entities: [...new Set(array(v.entities ?? [], `${path}.entities`, LIMITS.entities, entityId))],
    madeOn: partialDate(v.madeOn, `${path}.madeOn`),
    claimType: oneOf(v.claimType, `${path}.claimType`, CLAIM_TYPES),
    status: oneOf(v.status, `${path}.status`, CLAIM_STATUSES),
    deadline: optionalPartialDate(v.deadline, `${path}.deadline`),
    note: string(v.note ?? '', `${path}.note`, LIMITS.note),
    tags: [...new Set(tags)],
  };
}

export function parseQuoteSelector(value: unknown, path: string): TextQuoteSelector {
  const v = object(value, path);
  if (v.type !== 'TextQuoteSelector') throw new ValidationError(`${path}.type`, 'must be TextQuoteSelector');
  return {
    type: 'TextQuoteSelector',
    exact: string(v.exact, `${path}.exact`, LIMITS.quote, { allowEmpty: false }),
    prefix: string(v.prefix ?? '', `${path}.prefix`, LIMITS.context),
    suffix: string(v.suffix ?? '', `${path}.suffix`, LIMITS.context),
  };
}

export function parsePositionSelector(value: unknown, path: string): TextPositionSelector {
  const v = object(value, path);
  if (v.type !== 'TextPositionSelector') throw new ValidationError(`${path}.type`, 'must be TextPositionSelector');
  const start = integer(v.start, `${path}.start`, 0, 1e9);
  const end = integer(v.end, `${path}.end`, start, 1e9);
  return { type: 'TextPositionSelector', start, end };
}

/** An http(s) page address, filed as its page key (no fragment, no tracking parameters). */
export function parseSource(value: unknown, path: string): string {
  const url = pageAddress(string(value, path, LIMITS.url));
  const key = url ? pageKey(url) : undefined;
  if (!key) throw new ValidationError(path, 'must be an http or https address');
  return key;
}

/** A target with exactly one quote selector and one position selector, in either order. */
export function parseTarget(value: unknown, path = 'target'): ClaimTarget {
  const v = object(value, path);
  const selectors = array(v.selector, `${path}.selector`, 4, (s, p) => object(s, p));
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (!quote) throw new ValidationError(`${path}.selector`, 'TextQuoteSelector missing');
  if (!position) throw new ValidationError(`${path}.selector`, 'TextPositionSelector missing');
  return {
    source: parseSource(v.source, `${path}.source`),
    selector: [parseQuoteSelector(quote, `${path}.selector`), parsePositionSelector(position, `${path}.selector`)],
  };
}

export function parsePageTitle(value: unknown, path = 'pageTitle'): string {
  return (optionalString(value, path, 10_000) ?? '').slice(0, LIMITS.title);
}

/** draft/save's `newClaimant`: the name of a person to create as the maker of a claim that names none yet. */
export function parseNewClaimant(value: unknown, fields: ClaimFields, path = 'newClaimant'): string | undefined {
  if (value === undefined) return undefined;
  const name = string(value, path, LIMITS.name, { allowEmpty: false });
  if (fields.claimant !== null) throw new ValidationError(path, 'only for a claim that names no claimant yet');
  return name;
}
