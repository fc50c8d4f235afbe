// The "Sound familiar?" switches: on or off everywhere, and the sites where the reader turned it off.

import { useEffect, useState } from 'preact/hooks';
import { echoSwitches, setEchoesEverywhere, setEchoesOnSite, type EchoSwitches } from '../../platform/echo-settings';

export function EchoesPanel() {
  const [switches, setSwitches] = useState<EchoSwitches | null>(null);
  const reload = () => void echoSwitches().then(setSwitches);
  useEffect(reload, []);
  if (!switches) return null;
  return (
    <section class="panel" aria-labelledby="echoes-title">
      <h2 id="echoes-title">Sound familiar?</h2>
      <p>
        Marks sentences that repeat a promise made before (a wavy magenta line), and shows the earlier
        versions. Matching happens on this device.
      </p>
      <label class="check">
        <input type="checkbox" checked={switches.everywhere} onChange={(e) => void setEchoesEverywhere(e.currentTarget.checked).then(reload)} />
        {' '}Show repeated promises on pages
      </label>
      {switches.offHosts.length > 0 && (
        <>
          <p>Turned off on these sites:</p>
          <ul class="hosts">
            {switches.offHosts.map((host) => (
              <li key={host}>
                {host}{' '}
                <button type="button" class="secondary" onClick={() => void setEchoesOnSite(host, true).then(reload)} aria-label={`Turn Sound familiar? back on for ${host}`}>Turn back on</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
