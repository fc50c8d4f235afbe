// The options page: moving notes between machines and colleagues, and the safety net around it.

import { useState } from 'preact/hooks';
import { ConflictsPanel } from './ConflictsPanel';
import { EchoesPanel } from './EchoesPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { SafetyPanel } from './SafetyPanel';
import { SitesPanel } from './SitesPanel';
import { PacksPanel } from './PacksPanel';
import { TeamPanel } from './TeamPanel';

export function OptionsPage() {
  // Bumped after anything that changes data, so panels reload what they show.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  return (
    <div class="page">
      <header class="top">
        <img src="icons/icon-48.png" alt="" width={40} height={40} />
        <div>
          <h1>Sound Familiar</h1>
          <p class="tagline">Your claims and additions stay in this browser. Move them with a file. <a href="claims.html">See your claims →</a></p>
        </div>
      </header>
      <main>
        <ExportPanel />
        <ImportPanel onImported={changed} />
        <ConflictsPanel version={version} onResolved={changed} />
        <SafetyPanel version={version} onRestored={changed} />
        <EchoesPanel />
        <PacksPanel />
        <TeamPanel />
        <SitesPanel />
      </main>
    </div>
  );
}
