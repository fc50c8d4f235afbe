// "Knowledge packs": subscribe to a pack by its https address, and for each subscription its
// title, maintainer, version, whether it is signed, when it last updated, and why the last
// update was refused if it was. Everything shown comes from the pack: it is rendered as text.

import type { PackView } from '../../shared/site-pack-calls';
import { background } from '../shared/background';
import { RefusedUpdate, SignatureLine, useRowAction, useSubscriptions, when } from './subscription-parts';

function PackRow({ pack, onChanged, say }: { pack: PackView; onChanged(): void; say(text: string): void }) {
  const { busy, act } = useRowAction(say, onChanged);
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
      <SignatureLine copy={pack} updates="updates" />
      <div class="pack-meta">Last updated: {when(pack.lastSuccess)}</div>
      <RefusedUpdate copy={pack} />
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
  const { items: packs, address, setAddress, status, setStatus, busy, reload, subscribe } = useSubscriptions({
    list: () => background('packs/list', {}),
    subscribe: async (url) => {
      const pack = await background('packs/subscribe', { url });
      return `Subscribed to “${pack.title}” (${pack.entities} ${pack.entities === 1 ? 'entry' : 'entries'}).`;
    },
    plural: 'packs',
    badAddress: 'A pack’s address must start with https:// (and have no port or password in it).',
    fetching: 'Fetching and checking the pack…',
  });

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
