// A tiny element builder for the in-page card. Strings always become text nodes, never markup,
// and links pass the http(s) gate: page, note and knowledge-base text can only ever render as text.

import { safeHttpsUrl } from '../../shared/safe-url';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (name === 'href' || name.startsWith('on')) throw new Error(`set ${name} through link() only`);
    node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

/** An external link that opens in a new tab, or plain text if the URL is not http(s). */
export function link(doc: Document, url: string | undefined, attrs: Attrs, ...children: Child[]): HTMLElement {
  const safe = safeHttpsUrl(url);
  if (!safe) return el(doc, 'span', attrs, ...children);
  const a = el(doc, 'a', { ...attrs, target: '_blank', rel: 'noopener noreferrer' }, ...children);
  a.href = safe;
  return a;
}
