// Types for marked-section.mjs, which the unit tests' report writers import from TypeScript.

export function sectionMarkers(name: string): { start: string; end: string };
export function findSection(text: string, name: string): string | undefined;
export function replaceSection(text: string, name: string, section: string): string | null;
