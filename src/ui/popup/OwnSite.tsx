// The popup's "Turn on for this site" (on an https site outside the built-in list) and "Turn off
// for this site" (on one of the reader's own sites). Either takes effect from the next load, so
// both end by offering to reload the page.

import { useState } from 'preact/hooks';
import { reloadTab, turnOff, turnOn } from './own-site';

type Step = 'idle' | 'asking' | 'done' | 'refused' | { error: string };

const hostOf = (origin: string) => origin.slice('https://'.length);

function ReloadOffer({ tabId, text }: { tabId: number; text: string }) {
  return (
    <div class="own-site done" role="status">
      <p>{text}</p>
      <button type="button" class="primary" onClick={() => void reloadTab(tabId).then(() => window.close())}>Reload the page</button>
    </div>
  );
}

/** Shown where the content script does not run yet. `registered`: on already, waiting for a reload. */
export function TurnOnSite({ tabId, origin, registered }: { tabId: number; origin: string; registered: boolean }) {
  const [step, setStep] = useState<Step>(registered ? 'done' : 'idle');
  const host = hostOf(origin);
  if (step === 'done') return <ReloadOffer tabId={tabId} text={`Sound Familiar is on for ${host}. Reload the page to read it.`} />;
  const click = () => {
    setStep('asking');
    // No await before turnOn: the browser grants permissions only inside the click.
    turnOn(origin).then(
      (on) => setStep(on ? 'done' : 'refused'),
      (error: unknown) => setStep({ error: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <div class="own-site">
      <p>
        Sound Familiar reads GOV.UK and UK news and public-sector sites. You can turn it on for <strong class="host">{host}</strong> too:
        your browser will ask to let it read this site’s pages.
      </p>
      <button type="button" class="primary" disabled={step === 'asking'} onClick={click}>Turn on for this site</button>
      {step === 'refused' && <p class="note" role="status">Not turned on: the browser did not grant access to {host}.</p>}
      {typeof step === 'object' && <p class="error" role="alert">Could not turn it on: {step.error}</p>}
    </div>
  );
}

/** Shown on one of the reader's own sites, below the page's names. */
export function TurnOffSite({ tabId, origin }: { tabId: number; origin: string }) {
  const [step, setStep] = useState<Step>('idle');
  const host = hostOf(origin);
  if (step === 'done') return <ReloadOffer tabId={tabId} text={`Turned off for ${host}, and its access given back. Reload the page to clear it.`} />;
  const click = () => {
    setStep('asking');
    turnOff(origin).then(
      () => setStep('done'),
      (error: unknown) => setStep({ error: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <div class="own-site off">
      <p class="note">You turned Sound Familiar on for this site.</p>
      <button type="button" class="link" disabled={step === 'asking'} onClick={click}>Turn off for this site</button>
      {typeof step === 'object' && <p class="error" role="alert">Could not turn it off: {step.error}</p>}
    </div>
  );
}
