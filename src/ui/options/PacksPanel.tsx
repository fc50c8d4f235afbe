// "Knowledge packs": subscribe to a pack by its https address, and for each subscription its
// title, maintainer, version, whether it is signed, when it last updated, and why the last
// update was refused if it was. Everything shown comes from the pack: it is rendered as text.

import { useEffect, useState } from 'preact/hooks';
import { requestOrigin } from '../../platform/host-permissions';
import { packUrl } from '../../shared/pack-url';
import type { PackView } from '../../shared/site-pack-calls';
import { siteOrigin } from '../../shared/site-origin';
import { background } from '../shared/background';

const when = (ms: number | undefined) => (ms === undefined ? 'never' : new Date(ms).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }));
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function PackRow({ pack, onChanged, say }: { pack: PackView; onChanged(): void; say(text: string): void }) {
  const [busy, setBusy] = useState(false);
  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      say(await what());
    } catch (error) {
      say(message(error));
    }
    setBusy(false);
    onChanged();
  };
  return (
    <li class="pack">
      <div class="pack-head">
        <span class="pack-title">{pack.title}</span>
        <span class={pack.signed ? 'badge signed' : 'badge unsigned'}>{pack.signed ? 'Signed' : 'Unsigned'}</span>
      </div>
      <div class="pack-meta">
        {pack.maintainer && <>Maintained by {pack.maintainer} · </>}
        {pack.version && <>version {pack.version} · </>}
        {pack.entities} {pack.entities === 1 ? 'entry' : 'entries'}
        {pack.homepage && <> · <a href={pack.homepage} target="_blank" rel="noopener noreferrer">homepage</a></>}
      </div>
      <div class="pack-url muted">{pack.url}</div>
      <div class="pack-meta">
        {pack.signed
          ? <>Signed by key {pack.keyStart}…; updates signed by any other key are refused.</>
          : <>Not signed: whoever can change the file at this address can change what it says.</>}
      </div>
      <div class="pack-meta">Last updated: {when(pack.lastSuccess)}</div>
      {pack.lastError && (
        <p class="pack-error" role="alert">
          <strong>Update on {when(pack.checkedAt)} not used.</strong> {pack.lastError} The copy from {when(pack.lastSuccess)} is still in use.
        </p>
      )}
      <div class="buttons">
        <button type="button" class="secondary" disabled={busy} aria-label={`Refresh ${pack.title} now`}
          onClick={() => void act(async () => {
            const after = await background('packs/refresh', { url: pack.url });
            return after.lastError && after.checkedAt !== after.lastSuccess
              ? `“${after.title}” was not updated: see why below.`
              : `“${after.title}” is up to date (version ${after.version}).`;
          })}>Refresh now</button>
        <button type="button" class="secondary" disabled={busy} aria-label={`Unsubscribe from ${pack.title}`}
          onClick={() => void act(async () => {
            await background('packs/unsubscribe', { url: pack.url });
            return `Unsubscribed from “${pack.title}”: its entries are gone from your pages.`;
          })}>Unsubscribe</button>
      </div>
    </li>
  );
}

export function PacksPanel() {
  const [packs, setPacks] = useState<PackView[] | null>(null);
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = () => void background('packs/list', {}).then(setPacks, (e: unknown) => setStatus(`Could not list your packs: ${message(e)}`));
  useEffect(reload, []);

  const subscribe = (event: Event) => {
    event.preventDefault();
    const url = packUrl(address);
    const origin = url && siteOrigin(url);
    if (!url || !origin) {
      setStatus('A pack’s address must start with https:// (and have no port or password in it).');
      return;
    }
    setBusy(true);
    setStatus('Fetching and checking the pack…');
    // The permission prompt must start inside this click, before anything is awaited.
    void requestOrigin(origin)
      .then(async (granted) => {
        if (!granted) return `Not subscribed: the browser did not allow Sound Familiar to read ${origin.slice('https://'.length)}.`;
        const pack = await background('packs/subscribe', { url });
        setAddress('');
        return `Subscribed to “${pack.title}” (${pack.entities} ${pack.entities === 1 ? 'entry' : 'entries'}).`;
      })
      .catch((error: unknown) => `Not subscribed: ${message(error)}`)
      .then((text) => {
        setStatus(text);
        setBusy(false);
        reload();
      });
  };

  return (
    <section class="panel" aria-labelledby="packs-title">
      <h2 id="packs-title">Knowledge packs {packs && packs.length > 0 && <span class="count">{packs.length}</span>}</h2>
      <p>
        A pack adds names and their histories that other people keep: a team, a newsroom, a region’s digital
        community. Sound Familiar checks for updates every day.
      </p>
      <form class="subscribe" onSubmit={subscribe}>
        <label for="pack-url">Pack address</label>
        <input id="pack-url" type="url" inputMode="url" placeholder="https://example.org/packs/scottish-digital.json" value={address}
          onInput={(e) => setAddress(e.currentTarget.value)} spellcheck={false} autocomplete="off" />
        <button type="submit" class="primary" disabled={busy || address.trim() === ''}>Subscribe</button>
      </form>
      {status && <p class="status" role="status">{status}</p>}
      {packs && packs.length === 0 && <p class="muted">You have not subscribed to any packs.</p>}
      {packs && packs.length > 0 && (
        <ul class="packs">
          {packs.map((p) => <PackRow key={p.url} pack={p} onChanged={reload} say={setStatus} />)}
        </ul>
      )}
    </section>
  );
}
