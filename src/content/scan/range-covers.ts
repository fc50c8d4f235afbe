// Whether a text position falls inside a range: the hover lookup for mentions and claims alike.

export function rangeCovers(r: AbstractRange, node: Text, offset: number): boolean {
  const afterStart = node !== r.startContainer || offset >= r.startOffset;
  const beforeEnd = node !== r.endContainer || offset < r.endOffset;
  return afterStart && beforeEnd;
}
