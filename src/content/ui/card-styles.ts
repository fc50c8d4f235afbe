// The card's stylesheet, scoped by its closed shadow root. `:host` resets everything the page
// could otherwise inherit into it (fonts, colours, line height).

export const CARD_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0 auto auto 0; z-index: 2147483647; pointer-events: none; }
.card {
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d8dee4; --soft: #f6f8fa;
  --accent: #d68600; --accent-soft: rgba(255, 184, 28, 0.18);
  position: fixed; pointer-events: auto; box-sizing: border-box;
  width: min(400px, calc(100vw - 16px)); max-height: min(520px, calc(100vh - 16px));
  /* The card scrolls as a whole: on a short screen every part keeps its natural size rather
     than the history being squeezed to a line between header and sources. */
  overflow-y: auto; overscroll-behavior: contain;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 12px 32px rgba(20, 24, 31, 0.18), 0 2px 6px rgba(20, 24, 31, 0.08);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  text-align: left; letter-spacing: normal; text-transform: none;
}
.card:focus { outline: none; }
.card:focus-visible { box-shadow: 0 0 0 3px rgba(9, 105, 218, 0.45), 0 12px 32px rgba(20, 24, 31, 0.18); }
.kind-body { --accent: #008072; --accent-soft: rgba(0, 168, 150, 0.14); }
.kind-person { --accent: #7040dc; --accent-soft: rgba(142, 92, 255, 0.14); }
.kind-echo { --accent: #be185d; --accent-soft: rgba(190, 24, 93, 0.12); }
@media (prefers-color-scheme: dark) {
  .card { --bg: #1c2128; --fg: #e6edf3; --muted: #9aa5b1; --line: #373e47; --soft: #22272e; --accent: #f0a52a; }
  .kind-body { --accent: #3cc9b5; }
  .kind-person { --accent: #b69cff; }
}
header { padding: 12px 14px 10px; border-top: 4px solid var(--accent); background: linear-gradient(var(--accent-soft), transparent 80%); }
.eyebrow { display: flex; align-items: center; gap: 8px; margin-bottom: 4px; }
.kind { font-size: 11px; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--accent); }
.brand { font-size: 11px; color: var(--muted); font-style: italic; }
.close { margin-left: auto; border: 0; background: transparent; color: var(--muted); font: 20px/1 system-ui, sans-serif; cursor: pointer; padding: 0 2px; border-radius: 4px; }
.close:hover, .close:focus-visible { color: var(--fg); background: var(--soft); }
h2 { margin: 0 0 4px; font-size: 17px; line-height: 1.25; font-weight: 700; }
h3 { margin: 0 0 6px; font-size: 11px; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
p { margin: 0; }
.summary { color: var(--fg); }
.caveat { margin-top: 6px; font-size: 12px; color: var(--muted); }
.provenance { margin-top: 6px; font-size: 12px; color: var(--muted); font-style: italic; }
.reading { margin: 0 14px 10px; padding: 6px 8px; background: var(--soft); border-radius: 6px; font-size: 12.5px; }
.reading p + p { margin-top: 3px; }
.reading .undated { border-left: 3px solid var(--accent, #f0a52a); padding-left: 6px; }
.history { padding: 10px 14px 4px; border-top: 1px solid var(--line); }
.timeline { list-style: none; margin: 0; padding: 0; }
.event { display: grid; grid-template-columns: 84px 1fr; gap: 10px; padding: 0 0 10px; position: relative; }
.event time { font-size: 12px; font-variant-numeric: tabular-nums; font-weight: 600; color: var(--accent); white-space: nowrap; }
.event .what { border-left: 2px solid var(--line); padding-left: 10px; }
.event.uncertain .what { border-left-style: dashed; }
.outcome { margin-top: 4px; padding: 4px 8px; background: var(--soft); border-radius: 6px; }
.why { margin-top: 4px; color: var(--muted); font-size: 12px; font-style: italic; }
.meta { margin-top: 3px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 12px; }
.badge { font-size: 10.5px; font-weight: 700; letter-spacing: 0.03em; padding: 1px 6px; border-radius: 999px; color: #8a4b00; background: #fff1d6; border: 1px solid #f0c36d; }
@media (prefers-color-scheme: dark) { .badge { color: #ffd58a; background: #3d2e12; border-color: #7a5a1c; } }
a { color: #0969da; text-decoration: none; }
a:hover, a:focus-visible { text-decoration: underline; }
@media (prefers-color-scheme: dark) { a { color: #58a6ff; } }
/* WCAG 2.2 target size: each citation link is at least 24 × 24 px. */
.cite { font-size: 11.5px; display: inline-block; min-width: 24px; min-height: 24px; line-height: 24px; text-align: center; }
.sources { padding: 8px 14px 8px; border-top: 1px solid var(--line); }
.sources ol { margin: 0; padding-left: 20px; font-size: 12px; }
.sources li { margin-bottom: 2px; }
.source-date { color: var(--muted); }
.empty { padding: 10px 14px; color: var(--muted); border-top: 1px solid var(--line); }
footer { position: sticky; bottom: 0; display: flex; align-items: center; gap: 8px; padding: 7px 10px 7px 14px; border-top: 1px solid var(--line); background: var(--soft); font-size: 12px; color: var(--muted); }
.steps { margin-left: auto; display: flex; gap: 4px; }
.step { font: 12px system-ui, sans-serif; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; cursor: pointer; }
.step:hover, .step:focus-visible { border-color: var(--accent); }
button:focus-visible, a:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
`;
