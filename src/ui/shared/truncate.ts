// Shortens a quote for a tight space: whitespace runs collapsed, cut at a word boundary where
// one is near, an ellipsis appended. Never splits a surrogate pair. Pure; the full text goes in
// a title or accessible name beside it.

export function truncate(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  // Prefer ending on a whole word, unless that would throw away a large part of the room.
  const head = space >= cut.length * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}
