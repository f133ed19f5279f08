/**
 * CSS of the notebook and options pages, added after `uiCss` (whose colours, buttons, focus
 * rings and dark mode they reuse). px like the rest of the UI, so both pages match the popup.
 * The notebook fills the window: header, filters, then a list that scrolls on its own.
 */
export const notebookCss = `
.nb-page { min-height: 100vh; height: 100vh; display: flex; flex-direction: column; background: var(--bs-bg); }
.nb-header {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px;
  padding: 10px 20px; border-bottom: 1px solid var(--bs-line);
}
.nb-title { font-size: 20px; line-height: 28px; font-weight: 700; margin-right: auto; }
.nb-header nav { display: flex; gap: 8px; }
.nb-header a.bs-btn { color: var(--bs-fg); }
.nb-history { display: flex; flex-direction: column; gap: 4px; }
.nb-confirm { max-width: 460px; padding: 8px 10px; border: 1px solid var(--bs-danger); border-radius: 6px; }
.nb-confirm p { margin-bottom: 6px; }
.nb-main {
  flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column;
  width: 100%; max-width: 960px; margin: 0 auto; padding: 12px 20px 0;
}
.nb-h2 { font-size: 16px; line-height: 22px; font-weight: 700; margin-bottom: 8px; }
.nb-h3 { font-size: 15px; line-height: 22px; font-weight: 700; margin: 16px 0 6px; }
.nb-announce { display: flex; align-items: center; gap: 8px; min-height: 0; }
.nb-announce .bs-status:empty { display: none; }
.nb-notes { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; }
.nb-filters { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-end; margin-bottom: 6px; }
.nb-field { display: flex; flex-direction: column; gap: 2px; font-size: 12px; line-height: 16px; font-weight: 600; color: var(--bs-muted); }
.nb-field-wide { flex: 1 1 100%; }
.nb-field input, .nb-field select {
  font: inherit; font-size: 14px; line-height: 20px; font-weight: 400; color: var(--bs-fg);
  padding: 5px 8px; border: 1px solid var(--bs-field); border-radius: 4px; background: var(--bs-bg);
  color-scheme: light dark;
}
.nb-field select { max-width: 260px; }
.nb-count { margin: 4px 0 6px; }
.nb-empty { padding: 24px 0; color: var(--bs-muted); }
.nb-scroll {
  flex: 1 1 auto; min-height: 240px; overflow-y: auto; overscroll-behavior: contain;
  border-top: 1px solid var(--bs-line); contain: strict;
}
.nb-row { box-sizing: border-box; border-bottom: 1px solid var(--bs-soft); overflow: hidden; }
.nb-note { height: 100%; padding: 8px 4px; display: flex; flex-direction: column; gap: 4px; }
.nb-note-head { display: flex; flex-wrap: wrap; gap: 2px 10px; align-items: baseline; }
.nb-entity-link { font-weight: 700; font-size: 13px; }
.nb-page-link { max-width: 320px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.nb-body, .nb-quote {
  overflow-wrap: anywhere;
  display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden;
}
.nb-body { -webkit-line-clamp: 3; }
.nb-quote {
  -webkit-line-clamp: 1; margin: 0; padding-left: 8px;
  border-left: 3px solid var(--bs-line); color: var(--bs-muted); font-style: italic;
}
.nb-note-foot { display: flex; gap: 4px; align-items: center; margin-top: auto; }
.nb-tags { display: flex; gap: 4px; margin-right: 8px; }
.nb-tags li { padding: 0 6px; border-radius: 9px; background: var(--bs-soft); font-size: 12px; line-height: 18px; }
.nb-note .bs-editor textarea { min-height: 96px; }
.nb-note .bs-field { display: flex; flex-direction: column; gap: 2px; font-size: 12px; font-weight: 600; }
.nb-note .bs-field input, .bs-links input {
  font: inherit; font-size: 14px; padding: 4px 8px; border: 1px solid var(--bs-field); border-radius: 4px;
  background: var(--bs-bg); color: var(--bs-fg);
}
.bs-links { border: 1px solid var(--bs-line); border-radius: 4px; padding: 4px 8px; font-size: 13px; }
.bs-links ul { display: flex; flex-wrap: wrap; gap: 2px 12px; }
.bs-md p + p, .bs-md ul, .bs-md ol { margin-top: 4px; }
.bs-md ul { list-style: disc; padding-left: 20px; }
.bs-md ol { list-style: decimal; padding-left: 24px; }
.bs-md code { font-family: ui-monospace, monospace; font-size: 0.92em; background: var(--bs-soft); padding: 0 3px; }
.nb-entity { overflow-y: auto; padding-bottom: 24px; }
.nb-entity > .bs-btn { margin-bottom: 10px; }
.nb-entity-card { max-width: none; box-shadow: none; }
.nb-table-wrap { overflow-x: auto; }
.nb-table { border-collapse: collapse; width: 100%; font-size: 13px; line-height: 18px; }
.nb-table th, .nb-table td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--bs-line); }
.nb-table th { font-weight: 700; color: var(--bs-muted); }
.nb-table td:last-child { min-width: 280px; }
.nb-options { max-width: 720px; margin: 0 auto; padding: 16px 20px 32px; min-height: 100vh; background: var(--bs-bg); }
.nb-options section { margin-top: 18px; }
.nb-options p { margin: 6px 0; }
.nb-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.nb-file { display: inline-flex; flex-direction: column; gap: 4px; font-weight: 600; }
`;
