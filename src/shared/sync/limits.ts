// How much one import may hold: large enough for a team's years of notes (20,000 claims is about
// 28 MB), small enough that a hostile file cannot exhaust memory, and under Chromium's 64 MB cap
// on one extension message, which carries the file to the background.

export const IMPORT_LIMITS = { bytes: 60_000_000, claims: 100_000, entities: 10_000, depth: 24 } as const;
