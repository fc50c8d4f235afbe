// Claims as CSV: header, one row per live claim, RFC 4180 quoting, and the formula-injection
// guard (a cell starting with = + - @ is prefixed with an apostrophe so spreadsheets show text).
import { describe, expect, it } from 'vitest';
import { claimsToCsv } from '../../../../src/shared/sync/claims-csv';
import { deleteClaimVersion, makeClaim, T0 } from '../../../fixtures/sync/records';

const NAMES: Record<string, string> = { 'jeremy-quin': 'Jeremy Quin', 'gov-uk-one-login': 'GOV.UK One Login', gds: 'Government Digital Service' };
const nameOf = (id: string) => NAMES[id] ?? id;

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('claimsToCsv', () => {
  it('writes the header and one row per live claim, with entity names, CRLF line ends', () => {
    const live = makeClaim(1, { entities: ['gov-uk-one-login', 'gds'], tags: ['identity', 'sso'], note: 'Plain note' });
    const gone = deleteClaimVersion(makeClaim(2), T0 + 5);
    const csv = claimsToCsv([live, gone], nameOf);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['id', 'made_on', 'claimant', 'entities', 'type', 'status', 'deadline', 'quote', 'note', 'tags', 'page_title', 'url', 'recorded', 'modified']);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([
      live.id, '2022-06-09', 'Jeremy Quin', 'GOV.UK One Login; Government Digital Service', 'promise', 'made', '2025-12',
      live.target.selector[0].exact, 'Plain note', 'identity; sso', live.pageTitle, live.target.source,
      new Date(live.created).toISOString(), new Date(live.modified).toISOString(),
    ]);
  });

  it('quotes cells holding commas, quotes and line breaks, and reads back exactly', () => {
    const note = 'He said "no", then, later,\nchanged his mind.\r\nSee p. 4';
    const claim = makeClaim(3, { note, claimant: null, deadline: null });
    const csv = claimsToCsv([claim], nameOf);
    expect(csv).toContain('"He said ""no"", then, later,\nchanged his mind.\r\nSee p. 4"');
    const [, row] = parseCsv(csv);
    expect(row![8]).toBe(note);
    expect(row![2]).toBe('');
    expect(row![6]).toBe('');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ['+44 20 7946 0000'],
    ['-5% on last year'],
    ['@SUM(A1:A9)'],
    ['\t=1+1'],
    ['\r=1+1'],
  ])('guards %j against being run as a formula', (value) => {
    const claim = makeClaim(4, { note: value, tags: [], entities: [] });
    const [, row] = parseCsv(claimsToCsv([claim], nameOf));
    expect(row![8]).toBe(`'${value}`);
  });

  it('guards every column, including names, quotes, tags and titles', () => {
    const claim = makeClaim(5, { quote: '=cmd|" /C calc"!A0', claimant: 'evil', tags: ['-tag'], pageTitle: '@title', entities: ['x'] });
    const [, row] = parseCsv(claimsToCsv([claim], (id) => (id === 'evil' ? '=1+1' : '+name')));
    expect(row![2]).toBe("'=1+1");
    expect(row![3]).toBe("'+name");
    expect(row![7]).toBe('\'=cmd|" /C calc"!A0');
    expect(row![9]).toBe("'-tag");
    expect(row![10]).toBe("'@title");
  });

  it('leaves ordinary text alone', () => {
    const claim = makeClaim(6, { note: "It's fine: 5 = five", tags: ['a=b'] });
    const [, row] = parseCsv(claimsToCsv([claim], nameOf));
    expect(row![8]).toBe("It's fine: 5 = five");
    expect(row![9]).toBe('a=b');
  });

  it('writes only the header when there are no live claims', () => {
    expect(claimsToCsv([deleteClaimVersion(makeClaim(7), T0)], nameOf)).toBe('id,made_on,claimant,entities,type,status,deadline,quote,note,tags,page_title,url,recorded,modified\r\n');
  });
});
