// BENCHMARKS.md is written by several scripts, each owning a section between two HTML comments
// (`<!-- name:start -->` … `<!-- name:end -->`) that the others keep: these find and replace one,
// the same way for all of them.

/** The comments around section `name`. */
export function sectionMarkers(name) {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** Where section `name` of `text` begins and ends (markers included), or null where it has none. */
function locate(text, name) {
  const { start, end } = sectionMarkers(name);
  const from = text.indexOf(start);
  const to = from === -1 ? -1 : text.indexOf(end, from + start.length);
  return to === -1 ? null : { from, to: to + end.length };
}

/** Section `name` of `text`, its markers included, or undefined where the text has none. */
export function findSection(text, name) {
  const at = locate(text, name);
  return at ? text.slice(at.from, at.to) : undefined;
}

/**
 * `text` with its section `name` replaced by `section` (which brings its own markers), or null
 * where the text has none. What follows the end marker stays as it was, so a section given with a
 * line break at its end loses it. Plain text throughout: a `$` in the section is only a `$`.
 */
export function replaceSection(text, name, section) {
  const at = locate(text, name);
  return at ? `${text.slice(0, at.from)}${section.replace(/\n$/, '')}${text.slice(at.to)}` : null;
}
