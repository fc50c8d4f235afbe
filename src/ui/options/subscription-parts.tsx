// What the Knowledge packs and Team claims panels share: both follow a file at an https address,
// so both ask for the origin from the click, show whether a copy is signed, keep the last good copy
// when an update is refused (and say why), and offer Refresh now and Unsubscribe per row.

import { useEffect, useState } from 'preact/hooks';
import { requestOrigin } from '../../platform/host-permissions';
import { packUrl } from '../../shared/pack-url';
import { siteOrigin } from '../../shared/site-origin';

export const when = (ms: number | undefined) => (ms === undefined ? 'never' : new Date(ms).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }));
export const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The per-row state: one action at a time, its outcome said in the panel's status line. */
export function useRowAction(say: (text: string) => void, onChanged: () => void) {
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
  return { busy, act };
}

interface FollowedCopy { signed: boolean; keyStart?: string; lastError?: string; checkedAt?: number; lastSuccess?: number }

/** Signed by which key, or what being unsigned means. */
export function SignatureLine({ copy, updates }: { copy: FollowedCopy; updates: string }) {
  return (
    <div class="pack-meta">
      {copy.signed
        ? <>Signed by key {copy.keyStart}…; {updates} signed by any other key are refused.</>
        : <>Not signed: whoever can change the file at this address can change what it says.</>}
    </div>
  );
}

/** Why the last update was not used, and which good copy still is. */
export function RefusedUpdate({ copy }: { copy: FollowedCopy }) {
  if (!copy.lastError) return null;
  return (
    <p class="pack-error" role="alert">
      <strong>Update on {when(copy.checkedAt)} not used.</strong> {copy.lastError} The copy from {when(copy.lastSuccess)} is still in use.
    </p>
  );
}

interface PanelCalls<T> {
  list(): Promise<T[]>;
  /** Runs after the origin was granted; says what was subscribed to. */
  subscribe(url: string): Promise<string>;
  /** "packs" or "teams", for the message when the list cannot be read. */
  plural: string;
  /** What a bad address is told, and what the status says while fetching. */
  badAddress: string;
  fetching: string;
}

/** The panel's list, address field and status, and its subscribe flow. */
export function useSubscriptions<T>(calls: PanelCalls<T>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = () => void calls.list().then(setItems, (e: unknown) => setStatus(`Could not list your ${calls.plural}: ${message(e)}`));
  useEffect(reload, []);

  const subscribe = (event: Event) => {
    event.preventDefault();
    const url = packUrl(address);
    const origin = url && siteOrigin(url);
    if (!url || !origin) {
      setStatus(calls.badAddress);
      return;
    }
    setBusy(true);
    setStatus(calls.fetching);
    // The permission prompt must start inside this click, before anything is awaited.
    void requestOrigin(origin)
      .then(async (granted) => {
        if (!granted) return `Not subscribed: the browser did not allow Sound Familiar to read ${origin.slice('https://'.length)}.`;
        const said = await calls.subscribe(url);
        setAddress('');
        return said;
      })
      .catch((error: unknown) => `Not subscribed: ${message(error)}`)
      .then((text) => {
        setStatus(text);
        setBusy(false);
        reload();
      });
  };

  return { items, address, setAddress, status, setStatus, busy, reload, subscribe };
}
