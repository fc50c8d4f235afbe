// The annotation body derived from a claim's note and tags, and when a promise counts as overdue.
import { describe, expect, it } from 'vitest';
import { annotationBody, isOverdue } from '../../../../src/shared/claims/annotation-body';

describe('annotationBody', () => {
  it('gives one commenting body for the note, then one tagging body per tag, in order', () => {
    expect(annotationBody({ note: 'Repeated in the 2023 spending review.', tags: ['identity', 'verify'] })).toEqual([
      { type: 'TextualBody', value: 'Repeated in the 2023 spending review.', purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'identity', purpose: 'tagging', format: 'text/plain' },
      { type: 'TextualBody', value: 'verify', purpose: 'tagging', format: 'text/plain' },
    ]);
  });

  it('leaves out a blank note but keeps the note verbatim when it has words', () => {
    expect(annotationBody({ note: '  \n ', tags: [] })).toEqual([]);
    expect(annotationBody({ note: ' spaced ', tags: [] })[0]!.value).toBe(' spaced ');
    expect(annotationBody({ note: '', tags: ['a'] })).toEqual([{ type: 'TextualBody', value: 'a', purpose: 'tagging', format: 'text/plain' }]);
  });
});

describe('isOverdue', () => {
  const promise = { claimType: 'promise' as const, status: 'made' as const, deadline: '2024-03-31' };

  it('is true for an open promise whose deadline day has passed', () => {
    expect(isOverdue(promise, '2024-04-01')).toBe(true);
    expect(isOverdue({ ...promise, status: 'in-progress' }, '2025-01-01')).toBe(true);
    expect(isOverdue({ ...promise, status: 'repeated' }, '2025-01-01')).toBe(true);
    expect(isOverdue({ ...promise, status: 'unknown' }, '2025-01-01')).toBe(true);
  });

  it('is false on or before the deadline day', () => {
    expect(isOverdue(promise, '2024-03-31')).toBe(false);
    expect(isOverdue(promise, '2024-01-01')).toBe(false);
  });

  it('is false once delivered or dropped, without a deadline, and for anything but a promise', () => {
    expect(isOverdue({ ...promise, status: 'delivered' }, '2030-01-01')).toBe(false);
    expect(isOverdue({ ...promise, status: 'dropped' }, '2030-01-01')).toBe(false);
    expect(isOverdue({ ...promise, deadline: null }, '2030-01-01')).toBe(false);
    expect(isOverdue({ ...promise, claimType: 'announcement' }, '2030-01-01')).toBe(false);
    expect(isOverdue({ ...promise, claimType: 'figure' }, '2030-01-01')).toBe(false);
  });

  it('treats a month or year deadline as passed only after that month or year', () => {
    expect(isOverdue({ ...promise, deadline: '2024' }, '2025-01-01')).toBe(true);
    expect(isOverdue({ ...promise, deadline: '2024-06' }, '2024-07-01')).toBe(true);
  });

  // Was a bug (a partial deadline read as the first day of its period); fixed in src alongside.
  it('does not call a "by 2024" or "by June 2024" promise overdue during 2024 or June', () => {
    expect(isOverdue({ ...promise, deadline: '2024' }, '2024-06-15')).toBe(false);
    expect(isOverdue({ ...promise, deadline: '2024-06' }, '2024-06-15')).toBe(false);
  });
});
