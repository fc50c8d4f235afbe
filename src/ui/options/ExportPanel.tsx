// Export: the sync file (JSON, for another machine or a colleague) and a CSV for spreadsheets.

import { useState } from 'preact/hooks';
import { background } from '../shared/background';
import { download } from '../shared/download';
import { formatCount } from '../../shared/format-count';

export function ExportPanel() {
  const [status, setStatus] = useState<string | null>(null);
  const exportJson = async () => {
    setStatus('Preparing…');
    try {
      const { fileName, json, claims, entities } = await background('sync/export', {});
      download(fileName, json, 'application/json');
      setStatus(`Saved ${fileName}: ${formatCount(claims)} claim${claims === 1 ? '' : 's'} (deletions included) and ${formatCount(entities)} entit${entities === 1 ? 'y' : 'ies'} you added or edited.`);
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const exportCsv = async () => {
    const { fileName, csv } = await background('sync/export-csv', {});
    download(fileName, csv, 'text/csv');
    setStatus(`Saved ${fileName}.`);
  };
  return (
    <section class="panel" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p>One file with everything you recorded or changed. Import it on another machine, or share it with colleagues: nothing is lost, duplicated or silently overwritten.</p>
      <div class="buttons">
        <button type="button" class="primary" onClick={() => void exportJson()}>Export file (.json)</button>
        <button type="button" class="secondary" onClick={() => void exportCsv()}>Claims as spreadsheet (.csv)</button>
      </div>
      {status && <p class="status" role="status">{status}</p>}
    </section>
  );
}
