// "Your sites": the https sites the reader turned Sound Familiar on for beyond the built-in list,
// each removable here (which also gives the browser's access to it back).

import { useEffect, useState } from 'preact/hooks';
import type { SiteView } from '../../shared/site-pack-calls';
import { background } from '../shared/background';

export function SitesPanel() {
  const [sites, setSites] = useState<SiteView[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const reload = () => void background('sites/list', {}).then(setSites, (e: unknown) => setMessage(`Could not list your sites: ${String(e)}`));
  useEffect(reload, []);

  const remove = async (origin: string) => {
    try {
      await background('sites/turn-off', { origin });
      setMessage(`Turned off for ${origin.slice('https://'.length)}. Pages already open keep their highlights until they are reloaded.`);
    } catch (error) {
      setMessage(`Could not turn it off: ${error instanceof Error ? error.message : String(error)}`);
    }
    reload();
  };

  return (
    <section class="panel" aria-labelledby="sites-title">
      <h2 id="sites-title">Your sites {sites && sites.length > 0 && <span class="count">{sites.length}</span>}</h2>
      <p>
        Sound Familiar reads GOV.UK and UK news and public-sector sites. To add another https site, open it and choose
        {' '}<strong>Turn on for this site</strong> in the toolbar button’s panel.
      </p>
      {sites && sites.length === 0 && <p class="muted">You have not added any sites.</p>}
      {sites && sites.length > 0 && (
        <ul class="sites">
          {sites.map((site) => (
            <li key={site.origin}>
              <span class="site-host">{site.origin.slice('https://'.length)}</span>
              {!site.granted && <span class="warning"> (access withdrawn in the browser)</span>}
              <button type="button" class="secondary" onClick={() => void remove(site.origin)} aria-label={`Remove ${site.origin.slice('https://'.length)}`}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      {message && <p class="status" role="status">{message}</p>}
    </section>
  );
}
