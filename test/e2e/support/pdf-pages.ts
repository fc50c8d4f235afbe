// Reads what a printed PDF draws, page by page, enough to find a coloured mark on paper: each
// page's drawing operators (its content streams and the form XObjects they use, inflated), for
// the PDFs Chromium (Skia) and Firefox (cairo, objects in object streams) make. Not a PDF parser:
// no xref, no encryption, just the objects as written.

import { inflateSync, constants } from 'node:zlib';

interface PdfObject {
  dict: string;
  text: string;
}

function inflate(raw: Buffer): string {
  try {
    return inflateSync(raw).toString('latin1');
  } catch {
    // A stream's length may count a trailing end-of-line: inflate what is there.
    return inflateSync(raw, { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
  }
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const m of s.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const start = m.index! + m[0].indexOf(body);
    const open = /stream\r?\n/.exec(body);
    if (!open) {
      objects.set(Number(m[1]), { dict: body, text: '' });
      continue;
    }
    const from = start + open.index + open[0].length;
    const dict = body.slice(0, open.index);
    const text = /\/FlateDecode/.test(dict) ? inflate(pdf.subarray(from, s.indexOf('endstream', from))) : s.slice(from, s.indexOf('endstream', from));
    objects.set(Number(m[1]), { dict, text });
  }
  for (const o of [...objects.values()]) {
    if (!/\/Type\s*\/ObjStm/.test(o.dict)) continue;
    const n = Number(/\/N\s+(\d+)/.exec(o.dict)![1]);
    const first = Number(/\/First\s+(\d+)/.exec(o.dict)![1]);
    const head = o.text.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i < n; i++) {
      const a = first + head[2 * i + 1]!;
      const b = i + 1 < n ? first + head[2 * i + 3]! : o.text.length;
      objects.set(head[2 * i]!, { dict: o.text.slice(a, b), text: '' });
    }
  }
  return objects;
}

const refs = (text: string): number[] => (text.match(/\d+ 0 R/g) ?? []).map((r) => parseInt(r, 10));

/** Each page's drawing operators, in page order. */
export function pdfPages(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const dictOf = (ref: string | undefined): string => (ref && /^\d/.test(ref) ? objects.get(parseInt(ref, 10))?.dict ?? '' : ref ?? '');
  const xobjects = (dict: string): number[] => {
    const resources = dictOf(/\/Resources\s*(<<[\s\S]*>>|\d+ 0 R)/.exec(dict)?.[1]);
    return refs(dictOf(/\/XObject\s*(<<[\s\S]*?>>|\d+ 0 R)/.exec(resources)?.[1]));
  };
  const order: number[] = [];
  const walk = (id: number) => {
    const dict = objects.get(id)?.dict ?? '';
    if (/\/Type\s*\/Pages/.test(dict)) for (const kid of refs(/\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '')) walk(kid);
    else order.push(id);
  };
  const root = [...objects].find(([, o]) => /\/Type\s*\/Pages/.test(o.dict) && !/\/Parent/.test(o.dict));
  if (!root) throw new Error('no page tree in the PDF');
  walk(root[0]);
  return order.map((id) => {
    const seen = new Set<number>();
    const parts: string[] = [];
    const add = (ref: number) => {
      if (seen.has(ref)) return;
      seen.add(ref);
      const o = objects.get(ref);
      if (!o) return;
      parts.push(o.text);
      for (const x of xobjects(o.dict)) add(x);
    };
    const dict = objects.get(id)!.dict;
    for (const c of refs(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? '')) add(c);
    for (const x of xobjects(dict)) add(x);
    return parts.join('\n');
  });
}

/**
 * Where a colour is used on each page: the y of each path drawn right after the colour is set
 * (a rectangle's `re`, or a line's first point), in the page's own units. `rgb` is 0-255.
 */
export function colourUses(pages: string[], rgb: [number, number, number]): { page: number; y: number }[] {
  const near = (a: string, b: number) => Math.abs(Number(a) - b / 255) < 0.004;
  const found: { page: number; y: number }[] = [];
  pages.forEach((ops, page) => {
    for (const m of ops.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b[\s\S]{0,300}?(-?[\d.]+) (-?[\d.]+) (?:(-?[\d.]+) (-?[\d.]+) re|m)\b/g)) {
      if (near(m[1]!, rgb[0]) && near(m[2]!, rgb[1]) && near(m[3]!, rgb[2])) found.push({ page, y: Number(m[5]) });
    }
  });
  return found;
}
