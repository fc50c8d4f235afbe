// The RegExp a developer would write for a dictionary: escaped aliases, longest first, one
// alternation, bounded by non-word characters, case-insensitive. Shared by the regexp and mark.js engines.

export function aliasAlternation(aliases: readonly string[]): RegExp {
  const unique = [...new Set(aliases.map((a) => a.trim()).filter((a) => a.length > 0))];
  unique.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const body = unique.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?<![A-Za-z0-9])(?:${body})(?![A-Za-z0-9])`, 'gi');
}
