// The per-browser manifests derived from manifest.json (scripts/manifests.mjs). Chromium's gets
// host permissions so the background may inject the card code; they must be exactly the content
// script's sites, so the install warning names nothing new and the list cannot grow unnoticed.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forChrome, forFirefox } from '../../scripts/manifests.mjs';

const source = JSON.parse(readFileSync('manifest.json', 'utf8'));
const contentSites: string[] = source.content_scripts.flatMap((c: { matches: string[] }) => c.matches);

describe('per-browser manifests', () => {
  it('gives Chromium host permissions for exactly the content script\'s sites', () => {
    expect(forChrome(source).host_permissions).toEqual(contentSites);
  });

  it('asks no host permission beyond them in either browser', () => {
    expect(source.host_permissions).toBeUndefined();
    expect(forFirefox(source).host_permissions).toBeUndefined();
    expect(contentSites.every((site) => /^https:\/\/\*\.[a-z0-9.-]+\/\*$/.test(site))).toBe(true);
  });
});
