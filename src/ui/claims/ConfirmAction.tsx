// A button that asks before it acts, inline: it turns into a short question with confirm and
// cancel buttons. Focus lands on Cancel (a double Enter must not destroy anything), Escape backs
// out, and focus returns to the button that asked. Not a modal and not window.confirm.

import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

interface Props {
  /** The button's text, e.g. "Delete". */
  label: string;
  /** Its accessible name when the text alone is ambiguous in a list, e.g. "Delete claim: …". */
  ariaLabel?: string;
  question: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}

type Phase = 'idle' | 'asking' | 'working';

export function ConfirmAction({ label, ariaLabel, question, confirmLabel, onConfirm }: Props) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (phase === 'asking') cancel.current?.focus();
    if (phase === 'idle' && returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [phase]);

  const back = () => {
    returnFocus.current = true;
    setError(null);
    setPhase('idle');
  };

  const confirm = async () => {
    setPhase('working');
    setError(null);
    try {
      await onConfirm();
      // On success the row usually disappears; if it stays, offer the button again.
      setPhase('idle');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setPhase('asking');
    }
  };

  if (phase === 'idle') {
    return (
      <button ref={trigger} type="button" class="button quiet danger-text" aria-label={ariaLabel} onClick={() => setPhase('asking')}>
        {label}
      </button>
    );
  }
  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && phase === 'asking') {
          e.preventDefault();
          back();
        }
      }}
    >
      <span id={questionId} class="confirm-question">{question}</span>
      {error && <span class="confirm-error" role="alert">Couldn’t do that: {error}</span>}
      <span class="confirm-buttons">
        <button type="button" class="button danger" disabled={phase === 'working'} onClick={() => void confirm()}>
          {phase === 'working' ? 'Working…' : confirmLabel}
        </button>
        <button ref={cancel} type="button" class="button" disabled={phase === 'working'} onClick={back}>
          Cancel
        </button>
      </span>
    </div>
  );
}
