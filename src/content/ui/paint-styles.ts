// Styles for private marks (the user's claims and own names), drawn as boxes in the closed shadow
// root. They echo highlights.css; the underline style tells the kinds apart without colour, and
// claims get a double line where CSS highlights had a wavy one (a box has no text to wave under).

export const PAINT_CSS = `
.mark { position: fixed; pointer-events: none; box-sizing: border-box; border-radius: 2px; mix-blend-mode: multiply; }
.mark-initiative { background: rgba(255, 184, 28, 0.32); border-bottom: 2px solid rgba(214, 134, 0, 0.95); }
.mark-body { background: rgba(0, 168, 150, 0.22); border-bottom: 2px dashed rgba(0, 128, 114, 0.95); }
.mark-person { background: rgba(142, 92, 255, 0.20); border-bottom: 2px dotted rgba(112, 64, 220, 0.95); }
.mark-echo { background: rgba(190, 24, 93, 0.08); border-bottom: 2px dashed rgba(190, 24, 93, 0.85); }
.mark-claim { background: rgba(46, 160, 67, 0.16); border-bottom: 3px double rgba(26, 127, 55, 0.9); }
@media (prefers-color-scheme: dark) { .mark { mix-blend-mode: screen; } }
`;
