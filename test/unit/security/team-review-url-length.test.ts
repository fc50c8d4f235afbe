// @vitest-environment happy-dom
// Security review of team sharing: the options page asks the browser for the file's origin, then
// sends the address to the background, whose validator takes only a normalised address of at most
// 2,048 characters. An address short enough as typed but longer once normalised (a path of
// accented letters is percent-encoded, six characters each) passed the page's check, got the
// permission, and was then refused by the validator before any handler could give the permission
// back: the origin stayed granted with nothing subscribed. Every address the page accepts must be
// one the background accepts, and the page must not ask for an origin it cannot subscribe to.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';

const asked: string[] = [];
vi.mock('../../../src/ui/shared/background', () => ({ background: vi.fn(async () => []) }));
vi.mock('../../../src/platform/host-permissions', () => ({ requestOrigin: vi.fn(async (origin: string) => (asked.push(origin), true)) }));

import { isPackUrl, packUrl, PACK_URL_CHARS } from '../../../src/shared/pack-url';
import { TeamPanel } from '../../../src/ui/options/TeamPanel';
import { useMountRoot } from '../ui/mount-root';

const LONG_ONCE_ENCODED = `https://team.example.org/${'é'.repeat(1000)}.json`;

describe('a team file address that grows when normalised', () => {
  it('what packUrl accepts, isPackUrl (the background\'s validator) accepts too', () => {
    expect(LONG_ONCE_ENCODED.length).toBeLessThanOrEqual(PACK_URL_CHARS);
    for (const typed of [LONG_ONCE_ENCODED, `https://team.example.org/${'a'.repeat(2000)}`, `https://team.example.org/${'%'.repeat(700)}`]) {
      const url = packUrl(typed);
      if (url !== null) expect(isPackUrl(url), typed.slice(0, 40)).toBe(true);
    }
  });

  const root = useMountRoot();
  it('the Team claims panel asks for no permission for it', async () => {
    await act(async () => render(h(TeamPanel, {}), root()));
    const input = root().querySelector<HTMLInputElement>('#team-url')!;
    await act(async () => {
      input.value = LONG_ONCE_ENCODED;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root().querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(asked).toEqual([]);
  });
});
