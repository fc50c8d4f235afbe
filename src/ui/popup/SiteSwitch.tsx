// The popup's per-site switch: Sound Familiar on or off for the current tab's site. Switching a
// site off can be refused (the list of sites switched off is capped: site-settings.ts); the reason
// is shown beside the switch, which stays as it was.

import { useState } from 'preact/hooks';
import { setSiteEnabled } from '../../platform/site-settings';

export function SiteSwitch({ host, enabled, onChanged }: { host: string; enabled: boolean; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    setError(null);
    try {
      await setSiteEnabled(host, !enabled);
    } catch (e: unknown) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    // The page hears the change through the background; give it a moment to rescan before asking again.
    setTimeout(onChanged, 400);
  };
  return (
    <>
      <label class="site-switch">
        <span>
          <strong>{enabled ? 'On' : 'Off'}</strong> for <span class="host">{host}</span>
        </span>
        <button type="button" role="switch" aria-checked={enabled} aria-label={`Sound Familiar on ${host}`} onClick={() => void toggle()} class="switch">
          <span class="knob" />
        </button>
      </label>
      {error && <p class="error site-error" role="alert">Could not turn it {enabled ? 'off' : 'on'}: {error}</p>}
    </>
  );
}
