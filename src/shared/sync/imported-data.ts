// What reading an import file produces, and the error it raises when the file is refused. Its own
// module so that each reader (read-import.ts for our format, hypothesis.ts for Hypothesis
// exports) can use them without importing the other.

import type { Claim } from '../claims/claim';
import type { Entity } from '../types';

export interface ImportedData {
  kind: 'sound-familiar' | 'hypothesis';
  deviceId: string | null;
  claims: Claim[];
  entities: Entity[];
}

export class ImportError extends Error {}
