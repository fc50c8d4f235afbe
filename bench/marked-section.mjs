// BENCHMARKS.md is written by several scripts, each owning a section between two HTML comments
// (`<!-- name:start -->` … `<!-- name:end -->`) that the others keep: these find and replace one,
// the same way for all of them.

/** The comments around section `name`. */
export function sectionMarkers(name) {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** Section `name` of `text`, its markers included, or undefined where the text has none. */
export function findSection(text, name) {
  const { start, end } = sectionMarkers(name);
  const from = text.indexOf(start);
  const to = from === -1 ? -1 : text.indexOf(end, from + start.length);
  return to === -1 ? undefined : text.slice(from, to + end.length);
}

/**
 * `text` with its section `name` replaced by `section` (which brings its own markers), or null
 * where the text has none. What follows the end marker stays as it was, so a section given with a
 * line break at its end loses it. Plain text throughout: a `$` in the section is only a `$`.
 */
export function replaceSection(text, name, section) {
  const old = findSection(text, name);
  if (old === undefined) return null;
  const at = text.indexOf(old);
  return `${text.slice(0, at)}${section.replace(/\n$/, '')}${text.slice(at + old.length)}`;
}
