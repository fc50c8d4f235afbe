// Subscribing to a knowledge pack by URL (issue 14), written once for both browsers: a signed
// pack served at an https address is subscribed from the options page and its entity lights up
// on a page; an update adds an alias; an invalid update and one signed by another key are refused
// (the options page says why) and the last good copy stays; unsubscribing removes its entities and
// gives back the permission.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, signPack, type SigningKeyFile } from '../../../src/shared/packs/sign-pack';
import { goodPack, packText, type Json } from '../../fixtures/packs/make-pack';
import { pageMentions, sleep, until } from './browsers';
import type { Harness, TestPage } from './harness';
import { highlights } from './harness';
import type { ExtensionTab, OwnSiteDriver } from './own-sites';
import { PackServer } from './pack-server';
import { Site } from './site';

const PACK_URL = 'https://packs.example.org/test-pack.json';
const PACK_PATTERN = 'https://packs.example.org/*';
const ARTICLE = 'https://www.gov.uk/government/news/test-digital-office';

/** Version 1.1.0: the same pack with one more alias for its body. */
function withAlias(): Json {
  const pack = goodPack();
  pack.meta.version = '1.1.0';
  pack.entities[0].aliases.push('Test Digital Bureau');
  return pack;
}

export function definePackTests(browserName: string, launch: (site: Site) => Promise<OwnSiteDriver>): void {
  describe(`${browserName}: knowledge packs by URL`, () => {
    const site = new Site().fixture(ARTICLE, 'pack-article.html');
    const server = new PackServer();
    let d: OwnSiteDriver;
    let h: Harness;
    let page: TestPage;
    let options: ExtensionTab;
    let key: SigningKeyFile;

    async function publish(text: string, signWith: SigningKeyFile | null): Promise<void> {
      server.publish(PACK_URL, text);
      if (signWith) server.publish(`${PACK_URL}.sig`, JSON.stringify(await signPack(text, signWith)));
      else server.withdraw(`${PACK_URL}.sig`);
    }

    /**
     * The pack's names on the page, as the popup lists them (name and count). A subscribed pack's
     * names are private (which packs a reader follows is theirs), so they are drawn in our closed
     * root, never in CSS.highlights: the public highlights must not show them.
     */
    const packMentions = async () => {
      const { mentions } = await pageMentions(h, page);
      const publicTexts = Object.values((await highlights(page)).texts).flat();
      if (publicTexts.some((t) => t.startsWith('Test Digital'))) throw new Error(`a pack name was painted publicly: ${publicTexts.join(', ')}`);
      return mentions.filter((m) => m.entityId.startsWith('test-pack:')).map((m) => `${m.name} ×${m.count}`);
    };
    const granted = () => h.evaluateInBackground<boolean>(`(globalThis.browser ?? globalThis.chrome).permissions.contains({ origins: [${JSON.stringify(PACK_PATTERN)}] })`);
    const optionsSay = (text: string, what = `the options page to say "${text}"`) => until(() => options.text(), (t) => t.includes(text), what, 20_000);

    beforeAll(async () => {
      key = await generateSigningKey();
      d = await launch(site);
      h = d.h;
      await d.servePacks(server);
      await publish(packText(), key);
      page = await h.open(ARTICLE);
      options = await d.options();
    });
    afterAll(async () => {
      await h?.close();
    });

    it('before subscribing, the page has none of the pack\'s names and the permission is not held', async () => {
      await sleep(1500);
      expect(await packMentions()).toEqual([]);
      expect(await granted()).toBe(false);
      await optionsSay('You have not subscribed to any packs.');
    });

    it('subscribes from the options page: the pack is listed as signed, and its entity lights up', async () => {
      await d.allowNextPrompt(PACK_PATTERN);
      await options.fill('pack-url', PACK_URL);
      expect(await options.click('Subscribe')).toBe(true);
      await optionsSay('Subscribed to “Test pack” (2 entries)');
      const text = await optionsSay('Maintained by Test maintainer', 'the pack in the list');
      expect(text).toContain('Maintained by Test maintainer');
      expect(text).toContain('version 1.0.0');
      expect(text).toContain('Signed by key');
      expect(await granted()).toBe(true);
      await until(() => packMentions(), (m) => m.join() === 'Test Digital Office ×1', 'the pack\'s body to light', 20_000);
    });

    it('"Refresh now" fetches an update (asking with the last ETag) that adds an alias, and it lights', async () => {
      await publish(packText(withAlias()), key);
      expect(await options.click('Refresh Test pack now')).toBe(true);
      await optionsSay('version 1.1.0');
      expect(server.requests.filter((r) => r.url === PACK_URL).map((r) => r.ifNoneMatch)).toEqual([null, '"v1"']);
      await until(() => packMentions(), (m) => m.join() === 'Test Digital Office ×2', 'the new alias to light too', 20_000);
      await options.screenshot('options-packs');
    });

    it('an invalid update is refused, the options page says why, and the last good copy stays', async () => {
      const broken = withAlias();
      broken.meta.version = '1.2.0';
      broken.entities[0].sources[0].url = 'http://example.org/launch';
      await publish(packText(broken), key);
      expect(await options.click('Refresh Test pack now')).toBe(true);
      await optionsSay('The pack is not valid');
      expect(await options.text()).toContain('“Test pack” was not updated: see why below.');
      const text = await options.text();
      expect(text).toContain('version 1.1.0');
      expect(text).toMatch(/https/);
      await page.reload();
      await until(() => packMentions(), (m) => m.join() === 'Test Digital Office ×2', 'the last good copy to light');
    });

    it('an update signed by another key is refused, the options page says so, and the last good copy stays', async () => {
      const other = await generateSigningKey();
      const next = withAlias();
      next.meta.version = '2.0.0';
      next.entities[0].aliases = ['TDO'];
      await publish(packText(next), other);
      expect(await options.click('Refresh Test pack now')).toBe(true);
      await optionsSay('signed by a different key');
      expect(await options.text()).toContain('version 1.1.0');
      await options.screenshot('options-packs-refused');
      await page.reload();
      await until(() => packMentions(), (m) => m.join() === 'Test Digital Office ×2', 'the last good copy to light');
    });

    it('unsubscribing removes its entities from the page and gives the permission back', async () => {
      expect(await options.click('Unsubscribe from Test pack')).toBe(true);
      await optionsSay('You have not subscribed to any packs.');
      expect(await granted()).toBe(false);
      await page.reload();
      await sleep(1500);
      expect(await packMentions()).toEqual([]);
    });

    it('raised no page errors', () => {
      expect(page.errors).toEqual([]);
    });
  });
}
