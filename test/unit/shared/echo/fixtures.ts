// A small knowledge base for the echo unit tests: a local digital chain and an unrelated body, as
// the shipped knowledge (origin builtin), whose items the index's word statistics count.

import type { IndexEntity } from '../../../../src/shared/echo/index-build';

export const ENTITIES: IndexEntity[] = [
  {
    id: 'ldc', origin: 'builtin', name: 'Local Digital Coalition', aliases: ['the Coalition'], contextAliases: ['the Coalition'],
    events: [
      { date: '2016-04', type: 'launch', text: 'Launched by councils and sector bodies to replace the Local Digital Programme, with shared projects on Blue Badges and identity.', src: [] },
      { date: '2017-03', type: 'delivery', text: 'Published its first annual report.', src: [] },
    ],
  },
  {
    id: 'javid', origin: 'builtin', name: 'Sajid Javid', aliases: ['Javid'],
    events: [
      { date: '2017-11-06', type: 'promise', text: 'Promised, with councils and GDS, a new vision and a call to arms on local government digital, citing legacy IT and re-keying.', src: [] },
    ],
  },
  {
    id: 'gds', origin: 'builtin', name: 'Government Digital Service', aliases: ['GDS'],
    events: [
      { date: '2011', type: 'launch', text: 'Created in the Cabinet Office.', src: [] },
      { date: '2025-11', type: 'launch', text: 'Launched GDS Local to work with councils on One Login and the GOV.UK App.', src: [] },
      { date: '', type: 'promise', text: 'An undated promise is never indexed.', src: [] },
    ],
  },
  {
    id: 'nhs-app', origin: 'builtin', name: 'NHS App', aliases: [],
    events: [
      { date: '2018-07-03', type: 'promise', text: 'The health secretary promised an NHS app for GP appointments and repeat prescriptions by December 2018.', src: [] },
    ],
  },
];
