// The safety net: undo the last import, and whether the browser has promised to keep our data.

import { useEffect, useState } from 'preact/hooks';
import { background } from '../shared/background';
import { formatCount } from '../../shared/format-count';

export function SafetyPanel({ version, onRestored }: { version: number; onRestored(): void }) {
  const [backup, setBackup] = useState<{ created: number; reason: string; claims: number } | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => void background('sync/backup', {}).then(setBackup), [version]);
  useEffect(() => {
    // Ask once; browsers that refuse may clear the data under storage pressure.
    void navigator.storage?.persist?.().then(setPersisted, () => setPersisted(false));
  }, []);

  const undo = async () => {
    const restored = await background('sync/undo', {});
    setMessage(restored ? 'Restored your data as it was before the last import.' : 'There was nothing to undo.');
    setBackup(null);
    onRestored();
  };

  return (
    <section class="panel" aria-labelledby="safety-title">
      <h2 id="safety-title">Safety net</h2>
      {backup ? (
        <p>
          Before the last import ({new Date(backup.created).toLocaleString('en-GB')}, {backup.reason}) your data was backed up: {formatCount(backup.claims)} claim{backup.claims === 1 ? '' : 's'}.{' '}
          <button type="button" class="secondary" onClick={() => void undo()}>Undo last import</button>
        </p>
      ) : (
        <p>Every import first backs up your data, so it can be undone here.</p>
      )}
      {message && <p class="status" role="status">{message}</p>}
      <p class={persisted === false ? 'warning' : 'muted'}>
        {persisted === null ? 'Checking storage…'
          : persisted ? 'Storage: persistent. The browser will not clear your notes to free space.'
          : 'Storage: not persistent. This browser may clear your notes if the disk runs low: export regularly.'}
      </p>
    </section>
  );
}
