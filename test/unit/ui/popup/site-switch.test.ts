// @vitest-environment happy-dom
// The popup's per-site switch (SiteSwitch.tsx): a refusal to switch a site off (the cap on sites
// switched off) is shown to the reader, and the page is not asked again as if it had worked.
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { useMountRoot } from '../mount-root';

const setSiteEnabled = vi.fn();
vi.mock('../../../../src/platform/site-settings', () => ({ setSiteEnabled: (...args: unknown[]) => setSiteEnabled(...args) }));

import { SiteSwitch } from '../../../../src/ui/popup/SiteSwitch';

const root = useMountRoot();

describe('SiteSwitch', () => {
  it('switches the site off and asks the page again', async () => {
    vi.useFakeTimers();
    try {
      setSiteEnabled.mockResolvedValueOnce(undefined);
      const onChanged = vi.fn();
      render(h(SiteSwitch, { host: 'www.gov.uk', enabled: true, onChanged }), root());
      root().querySelector<HTMLButtonElement>('button[role="switch"]')!.click();
      await vi.advanceTimersByTimeAsync(500);
      expect(setSiteEnabled).toHaveBeenCalledWith('www.gov.uk', false);
      expect(onChanged).toHaveBeenCalledTimes(1);
      expect(root().querySelector('[role="alert"]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows why a site could not be switched off', async () => {
    setSiteEnabled.mockRejectedValueOnce(new Error('Sound Familiar is already off on 100,000 sites, the most it keeps.'));
    const onChanged = vi.fn();
    render(h(SiteSwitch, { host: 'www.gov.uk', enabled: true, onChanged }), root());
    root().querySelector<HTMLButtonElement>('button[role="switch"]')!.click();
    await vi.waitFor(() => expect(root().querySelector('[role="alert"]')).not.toBeNull());
    expect(root().querySelector('[role="alert"]')!.textContent).toBe('Could not turn it off: Sound Familiar is already off on 100,000 sites, the most it keeps.');
    expect(root().querySelector('button[role="switch"]')!.getAttribute('aria-checked')).toBe('true');
    await new Promise((r) => setTimeout(r, 450));
    expect(onChanged).not.toHaveBeenCalled();
  });
});
