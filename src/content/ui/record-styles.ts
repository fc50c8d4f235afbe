// Styles for the record-claim button shown next to a selection, the editor frame, and the claim
// highlight card. Scoped by the closed shadow root, like the card's.

export const RECORD_CSS = `
.record {
  position: fixed; pointer-events: auto; display: inline-flex; align-items: center; gap: 6px;
  padding: 5px 10px 5px 8px; border-radius: 999px; border: 1px solid #b36b00; cursor: pointer;
  background: #1b1f24; color: #fff; box-shadow: 0 4px 14px rgba(20, 24, 31, 0.25);
  font: 600 12.5px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.record .mark { display: inline-grid; place-items: center; width: 18px; height: 18px; border-radius: 50%; background: #ffb81c; color: #1b1f24; font-weight: 800; }
.record:hover, .record:focus-visible { background: #2d333b; }
.record:focus-visible { outline: 2px solid #58a6ff; outline-offset: 2px; }
.editor {
  position: fixed; pointer-events: auto; top: 16px; right: 16px; width: min(420px, calc(100vw - 32px));
  height: min(680px, calc(100vh - 32px)); border: 1px solid #d8dee4; border-radius: 12px;
  box-shadow: 0 16px 48px rgba(20, 24, 31, 0.28); background: #fff; color-scheme: light dark;
}
.claim-quote { margin: 0 0 6px; padding: 6px 10px; border-left: 3px solid var(--accent); background: var(--soft); border-radius: 0 6px 6px 0; font-style: italic; }
.kind-claim { --accent: #1a7f37; --accent-soft: rgba(46, 160, 67, 0.14); }
@media (prefers-color-scheme: dark) { .kind-claim { --accent: #3fb950; } }
.status { font-size: 10.5px; font-weight: 700; letter-spacing: 0.03em; padding: 1px 6px; border-radius: 999px; border: 1px solid var(--line); background: var(--soft); color: var(--fg); }
.status.overdue { color: #a40e26; background: #ffebe9; border-color: #ff8182; }
@media (prefers-color-scheme: dark) { .status.overdue { color: #ffa198; background: #3d1418; border-color: #8e1519; } }
.event.mine .what { border-left-color: #1a7f37; border-left-width: 3px; }
.event.overdue .what { border-left-color: #cf222e; }
.mine-label { font-size: 10.5px; font-weight: 700; color: #1a7f37; text-transform: uppercase; letter-spacing: 0.05em; }
.kind-team { --accent: #0969da; --accent-soft: rgba(9, 105, 218, 0.12); }
@media (prefers-color-scheme: dark) { .kind-team { --accent: #58a6ff; } }
.event.team .what { border-left-color: #0969da; border-left-width: 3px; }
.kind-team .step { white-space: nowrap; }
.team-line { margin-top: 6px; font-size: 12px; color: var(--muted); }
.team-label { font-size: 10.5px; font-weight: 700; color: #0969da; text-transform: uppercase; letter-spacing: 0.05em; }
.team-line strong, .team-name { color: var(--fg); font-size: 12px; font-weight: 600; text-transform: none; letter-spacing: normal; }
@media (prefers-color-scheme: dark) { .team-label { color: #58a6ff; } .event.team .what { border-left-color: #58a6ff; } }
.fields { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 6px 0 0; font-size: 12px; }
.fields dt { color: var(--muted); }
.fields dd { margin: 0; }
.actions { display: flex; gap: 6px; }
`;
