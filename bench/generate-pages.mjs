// Generates realistic news-article HTML of a given size with known mentions inserted (plain, split
// across inline elements, possessive, typographic), recording each mention's exact span as it goes.

import { prng } from './prng.mjs';
import { FILLER_WORDS, STOP_WORDS } from './words.mjs';

const TEMPLATE_WORDS = ['said', 'would', 'according', 'to', 'the', 'was', 'by', 'last', 'officials', 'at', 'that', 'told', 'reporters'];
const INLINE_TAGS = ['em', 'strong', 'a', 'b', 'span', 'i'];
const SPACE_VARIANTS = ['\u00a0', '\u202f', '  ', '\n'];

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Filler vocabulary: common words minus any word an alias uses, so prose can never match by accident. */
export function fillerVocabulary(allAliases) {
  const aliasWords = new Set(allAliases.flatMap((a) => a.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter(Boolean));
  for (const w of TEMPLATE_WORDS) {
    if (aliasWords.has(w) && !STOP_WORDS.has(w)) throw new Error(`generate-pages: template word "${w}" is used by an alias`);
  }
  return FILLER_WORDS.filter((w) => !aliasWords.has(w) || STOP_WORDS.has(w));
}

/**
 * Builds a page of about `bytes` bytes. `pool` is MENTION_POOL; returns the HTML, the ground truth
 * (`{p, start, end, form, alias, scope}` with offsets into that paragraph's textContent) and the
 * HTML of 500 further paragraphs for the incremental test.
 */
export function generatePage({ bytes, seed, words, pool }) {
  const rng = prng(seed);
  const truth = [];
  const emitted = new Set();
  let paragraphId = 0;
  let poolCursor = 0;

  const word = () => rng.pick(words);
  const phrase = (n) => Array.from({ length: n }, word).join(' ');
  const title = (n) => phrase(n).replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());

  /** A sentence as parallel html and text; `mention` is placed where the template says. */
  const fillerSentence = () => {
    const n = 8 + rng.int(14);
    const parts = Array.from({ length: n }, word);
    parts[0] = parts[0][0].toUpperCase() + parts[0].slice(1);
    if (rng.chance(0.3)) parts[2 + rng.int(n - 3)] += ',';
    let html = '';
    let text = '';
    for (let i = 0; i < n; i++) {
      const sep = i === 0 ? '' : ' ';
      if (rng.chance(0.04) && i < n - 2) {
        const tag = rng.pick(['a', 'em', 'strong']);
        const inner = `${parts[i]} ${parts[i + 1]}`;
        html += `${sep}<${tag}${tag === 'a' ? ` href="/news/${rng.int(1e6)}"` : ''}>${inner}</${tag}>`;
        text += sep + inner;
        i++;
      } else {
        html += sep + parts[i];
        text += sep + parts[i];
      }
    }
    return { html: html + '.', text: text + '.' };
  };

  const chooseMention = () => {
    let entry = poolCursor < pool.length ? pool[poolCursor++] : rng.pick(pool);
    if (entry.anchor && !emitted.has(entry.anchor)) entry = pool.find((e) => e.text === entry.anchor);
    emitted.add(entry.text);
    return entry;
  };

  /** One mention in one of its forms: html, text, and where the expected highlight lies in text. */
  const renderMention = (entry) => {
    const alias = entry.text;
    const spaces = [...alias.matchAll(/ /g)].map((m) => m.index);
    let form = entry.form ?? rng.pick(['plain', 'plain', 'plain', 'split', 'possessive', 'typographic']);
    if (form === 'split' && spaces.length === 0) form = 'plain';
    if (form === 'plain') return { form, html: escapeHtml(alias), text: alias, start: 0, end: alias.length };
    if (form === 'possessive') {
      const s = rng.pick(["'s", '\u2019s']);
      return { form, html: escapeHtml(alias + s), text: alias + s, start: 0, end: alias.length };
    }
    if (form === 'split') {
      const at = rng.pick(spaces);
      const tag = rng.pick(INLINE_TAGS);
      const open = `<${tag}${tag === 'a' ? ' href="/topic/x"' : ''}>`;
      const head = alias.slice(0, at);
      const tail = alias.slice(at + 1);
      const html = rng.chance(0.5) ? `${escapeHtml(head)} ${open}${escapeHtml(tail)}</${tag}>` : `${open}${escapeHtml(head)}</${tag}> ${escapeHtml(tail)}`;
      return { form, html, text: alias, start: 0, end: alias.length };
    }
    // Typographic: what CMSs and editors do to the same name.
    const options = [];
    if (spaces.length) options.push(() => { const at = rng.pick(spaces); return alias.slice(0, at) + rng.pick(SPACE_VARIANTS) + alias.slice(at + 1); });
    if (alias.includes("'")) options.push(() => alias.replace("'", '\u2019'));
    if (alias.includes('-')) options.push(() => alias.replace('-', '\u2011'));
    if (!spaces.length && alias.length >= 5 && /^\p{L}+$/u.test(alias)) options.push(() => alias.slice(0, 3) + '\u00ad' + alias.slice(3));
    if (!options.length) {
      const text = `\u201c${alias}\u201d`;
      return { form, html: escapeHtml(text), text, start: 1, end: 1 + alias.length };
    }
    const text = rng.pick(options)();
    return { form, html: escapeHtml(text), text, start: 0, end: text.length };
  };

  const mentionSentence = (record) => {
    const entry = chooseMention();
    const m = renderMention(entry);
    const [before, after] = rng.pick([
      ['', ` said the ${phrase(2)} would ${phrase(3)}.`],
      ['According to ', `, the ${phrase(4)}.`],
      [`The ${phrase(2)} was ${word()} by `, ` last ${word()}.`],
      [`Officials at `, ` told reporters that the ${phrase(3)}.`],
      [`\u201c${phrase(1).replace(/^\p{L}/u, (c) => c.toUpperCase())} ${phrase(4)},\u201d said `, '.'],
    ]);
    return { html: escapeHtml(before) + m.html + escapeHtml(after), text: before + m.text + after, mention: record ? { ...m, entry, offset: before.length } : null };
  };

  /** A paragraph; with `id`, its mentions are recorded as ground truth. */
  const paragraph = (withId) => {
    const id = withId ? `p${++paragraphId}` : null;
    let html = '';
    let text = '';
    const sentences = 2 + rng.int(5);
    for (let s = 0; s < sentences; s++) {
      const sep = s === 0 ? '' : ' ';
      const sentence = rng.chance(0.22) ? mentionSentence(!!id) : fillerSentence();
      if (sentence.mention) {
        const { entry, form, start, end, offset } = sentence.mention;
        const at = text.length + sep.length + offset;
        truth.push({ p: id, start: at + start, end: at + end, form, alias: entry.text, scope: entry.scope });
      }
      html += sep + sentence.html;
      text += sep + sentence.text;
    }
    return `<p${id ? ` id="${id}"` : ''}>${html}</p>`;
  };

  const nav = `<header class="site-header"><a class="logo" href="/">${title(2)}</a><nav><ul>${Array.from({ length: 12 }, () => `<li><a href="/section/${rng.int(1e4)}">${title(1)}</a></li>`).join('')}</ul></nav>` +
    `<form class="search"><input type="search" placeholder="${title(1)}"><button>${title(1)}</button></form></header>`;
  const footer = `<footer><ul>${Array.from({ length: 20 }, () => `<li><a href="/about/${rng.int(1e4)}">${title(2)}</a></li>`).join('')}</ul><p class="legal">\u00a9 2019 ${title(3)}</p></footer>`;

  const article = () => {
    const tags = Array.from({ length: 4 }, () => rng.pick(pool).text);
    let html = `<article class="story"><header><h2 class="headline"><a href="/story/${rng.int(1e7)}">${title(6 + rng.int(6))}</a></h2>` +
      `<p class="byline">By ${phrase(2)} <time datetime="2019-03-${String(1 + rng.int(28)).padStart(2, '0')}">${title(2)}</time></p></header>` +
      `<script type="application/json" class="story-meta">${JSON.stringify({ tags, words: phrase(30) })}</script>` +
      `<figure><img src="/img/${rng.int(1e6)}.jpg" alt="${phrase(5)}" width="640" height="360"><figcaption>${title(1)} ${phrase(10)}</figcaption></figure><div class="story-body">`;
    const paragraphs = 6 + rng.int(14);
    for (let i = 0; i < paragraphs; i++) {
      html += paragraph(true);
      if (rng.chance(0.08)) html += `<blockquote>${paragraph(true)}</blockquote>`;
      if (rng.chance(0.06)) html += `<ul>${Array.from({ length: 3 + rng.int(4) }, () => `<li>${fillerSentence().html}</li>`).join('')}</ul>`;
      if (rng.chance(0.05)) html += `<aside class="related"><h3>${title(2)}</h3><ul>${Array.from({ length: 4 }, () => `<li><a href="/story/${rng.int(1e7)}">${title(7)}</a></li>`).join('')}</ul></aside>`;
    }
    return html + '</div></article>';
  };

  const head = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${title(5)}</title>` +
    `<meta property="article:published_time" content="2019-03-14T09:00:00Z"><meta name="viewport" content="width=device-width">` +
    `<style>body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:0 auto;padding:0 1rem}nav li{display:inline;margin-right:.5rem}figure img{max-width:100%;height:auto;background:#ddd}</style>` +
    `<script>window.dataLayer=[{"page":"${phrase(3)}"}];</script></head><body>`;
  let html = head + nav + '<main id="stories">';
  while (html.length < bytes) html += article();
  html += '</main>' + footer + '</body></html>';

  let append = '';
  for (let i = 0; i < 500; i++) append += paragraph(false);
  return { html, truth, append };
}
