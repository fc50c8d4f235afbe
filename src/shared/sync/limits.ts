// How much one import may hold: large enough for a team's years of notes, small enough that a
// hostile file cannot exhaust memory or block the background for long.

export const IMPORT_LIMITS = { bytes: 25_000_000, claims: 100_000, entities: 10_000, depth: 24 } as const;
