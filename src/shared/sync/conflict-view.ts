// How a conflict is shown to the user: the record, and its competing versions described in words.

export type RecordKind = 'claim' | 'entity';

export interface ConflictVersion {
  rev: string;
  modified: number;
  deleted: boolean;
  /** What tells the versions apart, as text: quote, note, status (claims) or name and aliases. */
  summary: string;
}

export interface ConflictView {
  kind: RecordKind;
  id: string;
  title: string;
  /** A built-in entity: the version in use holds its sourced facts, the others came from files. */
  builtin?: true;
  /** The version shown now first, then the ones that lost. */
  versions: ConflictVersion[];
}

