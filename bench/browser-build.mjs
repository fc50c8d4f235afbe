// Dictionary build time in headless Chromium, where the extension builds it (the background),
// beside the Node measure: a fresh tab per dictionary, so the first build is cold.

import { buildDictionaries } from './fixtures.mjs';
import { median } from './stats.mjs';

export async function browserDictionaryBuild(context, buildHarness, kb, names, runs) {
  const out = {};
  for (const name of names) {
    const { [name]: d } = buildDictionaries(kb, [name], { compile: false });
    const page = await context.newPage();
    const url = 'https://news.example.co.uk/build';
    await page.route(url, (route) => route.fulfill({ status: 200, body: '<!DOCTYPE html><title>build</title>', headers: { 'content-type': 'text/html' } }));
    await page.goto(url);
    await page.evaluate(buildHarness);
    const times = await page.evaluate(([json, n]) => window.__buildBench(json, n), [JSON.stringify(d.entities), runs]);
    out[name] = { coldBuildMs: times[0], warmBuildMs: median(times.slice(1)), warmRuns: runs };
    await page.close();
  }
  return out;
}
