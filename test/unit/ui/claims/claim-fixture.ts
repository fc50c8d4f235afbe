// Builds realistic claims and entity names for the UI tests.

import type { Claim } from '../../../../src/shared/claims/claim';
import type { EntityChoice } from '../../../../src/shared/messages';

let n = 0;

export function claim(overrides: Partial<Claim> & { quote?: string; url?: string } = {}): Claim {
  const { quote = 'We will publish the roadmap by the end of the year.', url = 'https://www.gov.uk/government/news/roadmap', ...rest } = overrides;
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'Annotation',
    motivation: 'assessing',
    target: {
      source: url,
      selector: [
        { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 10, end: 10 + quote.length },
      ],
    },
    body: [],
    pageTitle: 'Roadmap for digital and data',
    claimant: 'cabinet-office',
    entities: ['gov-uk-verify'],
    madeOn: '2022-06-09',
    claimType: 'promise',
    status: 'made',
    deadline: null,
    note: '',
    tags: [],
    created: 1_700_000_000_000 + n,
    modified: 1_700_000_000_000 + n,
    rev: `1-${n}`,
    revs: [],
    ...rest,
  };
}

export const ENTITIES: EntityChoice[] = [
  { id: 'cabinet-office', kind: 'body', name: 'Cabinet Office', aliases: [] },
  { id: 'gov-uk-verify', kind: 'initiative', name: 'GOV.UK Verify', aliases: ['Verify'] },
  { id: 'gds', kind: 'body', name: 'Government Digital Service', aliases: ['GDS'] },
  { id: 'jane-doe', kind: 'person', name: 'Jane Doe', aliases: [] },
];
