// Claims as CSV for spreadsheets: one row per live claim, entity ids turned into names. Cells a
// spreadsheet would run as formulas (=, +, -, @) are prefixed with an apostrophe.

import type { Claim } from '../claims/claim';

const COLUMNS = ['id', 'made_on', 'claimant', 'entities', 'type', 'status', 'deadline', 'quote', 'note', 'tags', 'page_title', 'url', 'recorded', 'modified'] as const;

export function claimsToCsv(claims: readonly Claim[], nameOf: (entityId: string) => string): string {
  const rows = claims.filter((c) => c.deleted === undefined).map((c) => [
    c.id, c.madeOn, c.claimant ? nameOf(c.claimant) : '', c.entities.map(nameOf).join('; '), c.claimType, c.status,
    c.deadline ?? '', c.target.selector[0].exact, c.note, c.tags.join('; '), c.pageTitle, c.target.source,
    new Date(c.created).toISOString(), new Date(c.modified).toISOString(),
  ]);
  return [COLUMNS as readonly string[], ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
