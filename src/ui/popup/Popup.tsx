// The toolbar popup: what this page mentions (click one to go to it), the per-site switch, claims
// recorded here that the page no longer holds, and the way to the full claims list.

import { useEffect, useState } from 'preact/hooks';
import { background } from '../shared/background';
import { download } from '../shared/download';
import { loadTabState, openClaimsList, openSyncPage, revealInTab, type TabState } from './active-tab';
import { setEchoesOnSite } from '../../platform/echo-settings';
import { UnplacedClaims } from './UnplacedClaims';
import { TurnOffSite, TurnOnSite } from './OwnSite';
import { SiteSwitch } from './SiteSwitch';
import { KIND_LABEL } from '../../shared/kind-label';


export function Popup() {
  const [state, setState] = useState<TabState>({ status: 'loading' });
  const refresh = () => void loadTabState().then(setState);
  useEffect(() => void refresh(), []);

  return (
    <div class="popup">
      <header class="top">
        <img src="icons/icon-32.png" alt="" width={24} height={24} />
        <div>
          <h1>Sound Familiar</h1>
          <p class="tagline">Heard this before? Here’s what happened last time.</p>
        </div>
      </header>
      {state.status === 'loading' && <p class="note">Reading this page…</p>}
      {state.status === 'unsupported' && (
        <p class="note">Sound Familiar doesn’t run on this page. It reads GOV.UK and UK news and public-sector sites.</p>
      )}
      {state.status === 'can-enable' && <TurnOnSite tabId={state.tabId} origin={state.origin} registered={state.registered} />}
      {state.status === 'ready' && <PageView state={state} onChanged={refresh} />}
      <nav class="bottom" aria-label="More">
        <button type="button" class="to-claims" onClick={() => void openClaimsList().then(() => window.close())}>
          <span>Your claims</span>
          <span class="arrow" aria-hidden="true">→</span>
        </button>
        <div class="sync-row">
          <button type="button" class="link" onClick={() => void exportNow()}>Export file</button>
          <button type="button" class="link" onClick={() => void openSyncPage().then(() => window.close())}>Import, undo, conflicts…</button>
        </div>
      </nav>
    </div>
  );
}

/** Downloads the export file straight from the popup; the options page has the full controls. */
async function exportNow(): Promise<void> {
  const { fileName, json } = await background('sync/export', {});
  download(fileName, json, 'application/json');
}

function PageView({ state, onChanged }: { state: Extract<TabState, { status: 'ready' }>; onChanged: () => void }) {
  const total = state.mentions.reduce((sum, m) => sum + m.count, 0);
  return (
    <>
      <SiteSwitch host={state.host} enabled={state.enabled} onChanged={onChanged} />
      {state.enabled && (
        <section aria-label="Names on this page">
          <h2>{state.mentions.length === 0 ? 'On this page' : `On this page · ${total} mention${total === 1 ? '' : 's'}`}</h2>
          {state.mentions.length === 0 ? (
            <p class="note">No names from the knowledge base on this page.</p>
          ) : (
            <ul class="mentions">
              {state.mentions.map((m) => (
                <li key={m.entityId}>
                  <button type="button" class={`mention kind-${m.kind}`} onClick={() => void revealInTab(state.tabId, m.entityId).then(() => window.close())}>
                    <span class="dot" aria-hidden="true" />
                    <span class="name">{m.name}</span>
                    <span class="kind">{KIND_LABEL[m.kind]}</span>
                    <span class="count" aria-label={`${m.count} mentions`}>{m.count}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {state.enabled && state.echoes > 0 && (
        <p class="echoes" role="status">
          <strong>Sound familiar?</strong> This page repeats {state.echoes === 1 ? 'an earlier promise' : `${state.echoes} earlier promises`}: hover the sentence with the wavy magenta line.{' '}
          <button type="button" class="link" onClick={() => void setEchoesOnSite(state.host, false).then(onChanged)}>Not on this site</button>
        </p>
      )}
      <UnplacedClaims claims={state.unplaced} />
      {state.ownSite && <TurnOffSite tabId={state.tabId} origin={state.ownSite} />}
      <footer class="hint">Hover a highlighted name for its history, or press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>.</kbd> to step through them.</footer>
    </>
  );
}
