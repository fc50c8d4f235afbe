// Following a team's claims (issue 14, team sharing), written once for both browsers: a team's
// export served at an https address is subscribed from the options page; its claim is painted on
// the page privately (never in the page-readable CSS.highlights), and its card is marked as the
// team's and offers no edit but a copy into the reader's own claims; an invalid update is refused
// (the options page says why) and the last good copy stays; unsubscribing removes the team's claims
// from the page (a copy the reader made stays, as theirs) and gives the permission back.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_PAGE, TEAM_QUOTE, teamClaim, teamFile } from '../../fixtures/team/make-team-file';
import { sleep, until } from './browsers';
import { claimInSharedRegistry, privateMarksOf, waitForPrivateMark } from './claims-common';
import type { Harness, TestPage } from './harness';
import { hover } from './harness';
import type { ExtensionTab, OwnSiteDriver } from './own-sites';
import { PackServer } from './pack-server';
import { Site } from './site';

const TEAM_URL = 'https://team.example.org/desk/sound-familiar.json';
const TEAM_PATTERN = 'https://team.example.org/*';
/** The team's second claim, on the fixture's second paragraph. */
const SECOND = 'Staff of the Test Digital Bureau, as it is known locally, will move in April';
const TEAM_FILE = () => teamFile([teamClaim(), teamClaim({ quote: SECOND, claimType: 'announcement', note: '' })], { title: 'Digital desk' });

export function defineTeamTests(browserName: string, launch: (site: Site) => Promise<OwnSiteDriver>): void {
  describe(`${browserName}: a team's claims by URL`, () => {
    const site = new Site().fixture(TEAM_PAGE, 'pack-article.html');
    const server = new PackServer();
    let d: OwnSiteDriver;
    let h: Harness;
    let page: TestPage;
    let options: ExtensionTab;

    const claimQuotes = async () => (await privateMarksOf(page, 'claim')).map((m) => m.text);
    const granted = () => h.evaluateInBackground<boolean>(`(globalThis.browser ?? globalThis.chrome).permissions.contains({ origins: [${JSON.stringify(TEAM_PATTERN)}] })`);
    const optionsSay = (text: string, what = `the options page to say "${text}"`) => until(() => options.text(), (t) => t.includes(text), what, 20_000);

    beforeAll(async () => {
      d = await launch(site);
      h = d.h;
      await d.servePacks(server);
      server.publish(TEAM_URL, TEAM_FILE());
      page = await h.open(TEAM_PAGE);
      options = await d.options();
    });
    afterAll(async () => {
      await h?.close();
    });

    it('before subscribing, the page has no team claim and the permission is not held', async () => {
      await optionsSay('You do not follow any team’s claims.');
      await sleep(1500);
      expect(await claimQuotes()).toEqual([]);
      expect(await granted()).toBe(false);
    });

    it('subscribes from the options page: listed with its title, count and "Unsigned", and its claim is painted privately', async () => {
      await d.allowNextPrompt(TEAM_PATTERN);
      await options.fill('team-url', TEAM_URL);
      expect(await options.click('Subscribe to team file')).toBe(true);
      await optionsSay('Subscribed to “Digital desk” (2 claims)');
      const text = await optionsSay('2 claims · read-only', 'the team in the list');
      expect(text).toContain(TEAM_URL);
      expect(text).toContain('Not signed: whoever can change the file');
      expect(await granted()).toBe(true);
      await until(() => claimQuotes(), (q) => q.join('|') === `${TEAM_QUOTE}|${SECOND}`, 'the team\'s claims to be painted', 20_000, 100);
      expect(await page.evaluate(claimInSharedRegistry)).toBe(false);
      await options.screenshot('options-team');
    });

    it('its card is marked as the team\'s, names the claimant from the team\'s file, and offers no edit', async () => {
      await page.bringToFront();
      await hover(page, await waitForPrivateMark(page, 'claim', TEAM_QUOTE), 'start');
      const card = await until(() => page.card(), (c) => c?.title === 'Pat Teamlead, 2 May 2024', 'the team claim\'s card');
      expect(card!.text).toContain('Team claim');
      expect(card!.text).toContain('Team: Digital desk · read-only');
      expect(card!.text).toContain('Checked against the minutes.');
      expect(card!.buttons).not.toContain('Edit claim');
      expect(card!.footer).toContain('Shared by your team');
      await page.screenshot('team-claim-card');
    });

    it('"Copy to my claims" opens the editor on a draft with the team\'s fields; saved, it is the reader\'s own', async () => {
      const claims = await d.claims();
      await hover(page, await waitForPrivateMark(page, 'claim', TEAM_QUOTE), 'start');
      const button = await until(() => page.uiBox('button', 'Copy to my claims'), (b) => b !== null, 'the copy button');
      await page.click(button!.left + button!.width / 2, button!.top + button!.height / 2);
      await claims.editorReady(page);
      await page.press('Control+Enter');
      await until(() => claims.editorOpen(page), (open) => !open, 'the editor to close');
      // The reader's own copy now comes first on that sentence: its card is theirs, with the team's
      // fields. The page reloads its claims when told of the save, so hover again until it has.
      const box = await waitForPrivateMark(page, 'claim', TEAM_QUOTE);
      const hoverAgain = async () => {
        await page.mouseMove(5, 5);
        await hover(page, box, 'start');
        await sleep(400);
        return page.card();
      };
      const card = await until(hoverAgain, (c) => c?.text.includes('Your claim') === true, 'the reader\'s own copy\'s card', 20_000, 100);
      expect(card!.text).toContain('Checked against the minutes.');
      expect(card!.text).toContain('overdue since Apr 2025');
      expect(card!.buttons).toContain('Edit claim');
      expect(card!.text).not.toContain('Team:');
    });

    it('an invalid update is refused, the options page says why, and the last good copy stays', async () => {
      server.publish(TEAM_URL, teamFile([teamClaim({ quote: 'A sentence from a plain-http page', page: 'http://www.gov.uk/government/news/x' })], { title: 'Digital desk' }));
      expect(await options.click('Refresh team Digital desk now')).toBe(true);
      await optionsSay('The team file is not valid: claim 1.target.source: must be an https address (a team\'s claims are shown on https pages only). It was refused.');
      const text = await options.text();
      expect(text).toContain('“Digital desk” was not updated: see why below.');
      expect(text).toContain('is still in use');
      expect(server.requests.filter((r) => r.url === TEAM_URL).map((r) => r.ifNoneMatch)).toEqual([null, '"v1"']);
      await options.screenshot('options-team-refused');
      await page.reload();
      await until(() => claimQuotes(), (q) => q.join('|') === `${TEAM_QUOTE}|${SECOND}`, 'the last good copy to be painted', 20_000, 100);
    });

    it('unsubscribing removes its claims from the page (the reader\'s copy stays) and gives the permission back', async () => {
      expect(await options.click('Unsubscribe from team Digital desk')).toBe(true);
      await optionsSay('You do not follow any team’s claims.');
      expect(await granted()).toBe(false);
      await page.reload();
      await until(() => claimQuotes(), (q) => q.join('|') === TEAM_QUOTE, 'only the reader\'s own copy', 20_000, 100);
      await sleep(1500);
      expect(await claimQuotes()).toEqual([TEAM_QUOTE]);
    });

    it('raised no page errors', () => {
      expect(page.errors).toEqual([]);
    });
  });
}
