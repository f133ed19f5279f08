/**
 * CSS shared by the hover card (injected into its closed shadow root on arbitrary
 * news pages) and the popup (injected into a <style>).
 *
 * Why it looks like this:
 * - px only: rem would follow the news site's root font size.
 * - `.bs-root` resets every inherited property with `all: initial` and then sets
 *   font, size, line height and colours explicitly, because inherited properties
 *   cross the shadow boundary from the page's host element.
 * - Colours are custom properties so dark mode is one media query.
 *
 * Wrap the UI in `class="bs-root"`; add `bs-panel` for the framed card surface.
 */
export const uiCss = `
.bs-root {
  all: initial;
  display: block;
  box-sizing: border-box;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 14px;
  font-weight: 400;
  font-style: normal;
  line-height: 20px;
  letter-spacing: normal;
  text-align: left;
  text-transform: none;
  white-space: normal;
  color: var(--bs-fg);
  --bs-bg: #ffffff;
  --bs-fg: #202122;
  --bs-muted: #54595d;
  --bs-line: #c8ccd1;
  /* A text field's edge is all that shows where it is: 3:1 against the background (WCAG 1.4.11), unlike --bs-line. */
  --bs-field: #80868b;
  --bs-soft: #f4f5f7;
  --bs-accent: #3366cc;
  --bs-accent-fg: #ffffff;
  --bs-danger: #b32424;
  --bs-focus: #3366cc;
  --bs-shadow: 0 4px 16px rgba(0, 0, 0, 0.18), 0 1px 3px rgba(0, 0, 0, 0.12);
}
@media (prefers-color-scheme: dark) {
  .bs-root {
    --bs-bg: #1f2023;
    --bs-fg: #eaecf0;
    --bs-muted: #a2a9b1;
    --bs-line: #43464c;
    --bs-field: #7c828a;
    --bs-soft: #2a2c30;
    --bs-accent: #8fb1ff;
    --bs-accent-fg: #101418;
    --bs-danger: #ff9c94;
    --bs-focus: #8fb1ff;
    --bs-shadow: 0 4px 16px rgba(0, 0, 0, 0.6), 0 1px 3px rgba(0, 0, 0, 0.4);
  }
}
.bs-root *, .bs-root *::before, .bs-root *::after { box-sizing: border-box; }
.bs-panel {
  max-width: 360px;
  background: var(--bs-bg);
  border: 1px solid var(--bs-line);
  border-radius: 8px;
  box-shadow: var(--bs-shadow);
  padding: 12px 14px;
}
/* Element resets sit in :where() so every .bs-* class below outranks them. */
.bs-root :where(h1, h2, h3, p, ul, ol, li) { margin: 0; padding: 0; font: inherit; color: inherit; }
.bs-root :where(ul, ol) { list-style: none; }
.bs-root :where(a) { color: var(--bs-accent); text-decoration: none; }
.bs-root :where(a:hover) { text-decoration: underline; }
.bs-root :where(button, input, textarea) { font: inherit; color: inherit; margin: 0; letter-spacing: inherit; }
.bs-root :focus { outline: none; }
.bs-root :focus-visible, .bs-root textarea:focus, .bs-root input:focus {
  outline: 2px solid var(--bs-focus);
  outline-offset: 2px;
}
.bs-root [hidden] { display: none !important; }
.bs-sr {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.bs-muted { color: var(--bs-muted); font-size: 12px; line-height: 16px; }

/* Buttons: quiet by default, one primary style. */
.bs-btn {
  display: inline-flex; align-items: center; gap: 4px;
  min-height: 28px; padding: 3px 10px;
  border: 1px solid var(--bs-line); border-radius: 4px;
  background: var(--bs-bg); cursor: pointer; font-size: 13px; line-height: 18px;
}
.bs-btn:hover { background: var(--bs-soft); }
.bs-btn:disabled { opacity: 0.55; cursor: default; }
.bs-btn-primary { background: var(--bs-accent); border-color: var(--bs-accent); color: var(--bs-accent-fg); font-weight: 600; }
.bs-btn-primary:hover { background: var(--bs-accent); filter: brightness(1.08); }
.bs-btn-link {
  border: 0; background: none; padding: 2px 4px; min-height: 0;
  color: var(--bs-accent); font-size: 12px; line-height: 16px; border-radius: 3px;
}
.bs-btn-link:hover { background: var(--bs-soft); }
.bs-btn-danger { color: var(--bs-danger); }

/* Card view, after Wikipedia page previews. */
.bs-card { display: block; }
.bs-card-head { display: flex; gap: 12px; align-items: flex-start; }
.bs-card-titles { flex: 1 1 auto; min-width: 0; }
.bs-card-name { font-size: 18px; line-height: 24px; font-weight: 700; overflow-wrap: anywhere; }
.bs-kind {
  display: inline-flex; align-items: center; gap: 4px; margin-top: 4px;
  padding: 0 6px; border: 1px solid var(--bs-line); border-radius: 10px;
  font-size: 11px; line-height: 18px; font-weight: 600; color: var(--bs-muted);
  letter-spacing: 0.2px;
}
.bs-kind svg { width: 12px; height: 12px; flex: none; }
.bs-card-img {
  flex: none; width: 72px; height: 72px; object-fit: cover;
  border-radius: 4px; background: var(--bs-soft);
}
.bs-card-desc { margin-top: 6px; color: var(--bs-muted); font-style: italic; }
.bs-card-summary { margin-top: 8px; }
.bs-card-meta { margin-top: 8px; }
.bs-card-more { display: inline-block; margin-top: 8px; font-weight: 600; }
.bs-card-actions { margin-top: 10px; display: flex; gap: 8px; flex-wrap: wrap; }

/* Notes. */
.bs-notes { margin-top: 12px; padding-top: 10px; border-top: 1px solid var(--bs-line); }
.bs-notes-title { font-size: 13px; font-weight: 700; margin-bottom: 6px; }
.bs-note { padding: 6px 0; border-bottom: 1px solid var(--bs-soft); }
.bs-note:last-child { border-bottom: 0; }
.bs-note-body { overflow-wrap: anywhere; max-height: 240px; overflow: auto; }
.bs-md p + p, .bs-md ul, .bs-md ol { margin-top: 4px; }
.bs-md ul { list-style: disc; padding-left: 18px; }
.bs-md ol { list-style: decimal; padding-left: 22px; }
.bs-md code { font-family: ui-monospace, monospace; font-size: 0.92em; background: var(--bs-soft); padding: 0 3px; }
.bs-note-quote { margin: 0 0 4px; padding: 2px 0 2px 8px; border-left: 3px solid var(--bs-line); font-style: italic; }
.bs-note-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 8px; margin-top: 2px; }
.bs-note-meta a { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 180px; }
.bs-note-empty { color: var(--bs-muted); font-style: italic; padding: 2px 0 6px; }
.bs-editor { display: flex; flex-direction: column; gap: 6px; margin-top: 6px; }
.bs-editor textarea {
  width: 100%; min-height: 72px; max-height: 240px; resize: vertical; padding: 6px 8px;
  border: 1px solid var(--bs-field); border-radius: 4px; background: var(--bs-bg);
  line-height: 20px; white-space: pre-wrap;
}
.bs-editor textarea[aria-invalid="true"] { border-color: var(--bs-danger); }
.bs-editor-row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.bs-error { color: var(--bs-danger); font-size: 12px; line-height: 16px; font-weight: 600; }
.bs-status { font-size: 12px; line-height: 16px; color: var(--bs-muted); min-height: 0; }

/* Entity list (popup). No text-transform: Chromium's accessibility tree would expose "PEOPLE". */
.bs-filter { display: flex; flex-direction: column; gap: 2px; margin-bottom: 8px; }
.bs-filter input {
  padding: 4px 8px; border: 1px solid var(--bs-field); border-radius: 4px; background: var(--bs-bg);
}
.bs-group { margin-bottom: 10px; }
.bs-group-title {
  display: flex; align-items: center; gap: 6px; margin-bottom: 2px;
  font-size: 12px; line-height: 18px; font-weight: 700; color: var(--bs-muted);
}
.bs-group-title svg { width: 12px; height: 12px; }
.bs-entity {
  display: flex; width: 100%; justify-content: space-between; align-items: center; gap: 8px;
  padding: 5px 8px; border: 0; border-radius: 4px; background: none; cursor: pointer; text-align: left;
}
.bs-entity:hover { background: var(--bs-soft); }
.bs-entity-name { overflow-wrap: anywhere; }
.bs-count {
  flex: none; min-width: 22px; padding: 0 6px; border-radius: 9px; background: var(--bs-soft);
  color: var(--bs-muted); font-size: 12px; line-height: 18px; text-align: center;
}

/* Popup page. */
.bs-popup { padding: 12px 14px 14px; min-height: 120px; background: var(--bs-bg); }
.bs-popup-title { font-size: 16px; line-height: 22px; font-weight: 700; margin-bottom: 8px; }
.bs-page-line { margin-bottom: 8px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bs-page-title { color: var(--bs-fg); }
.bs-detail-nav { margin: 0 0 6px; justify-content: space-between; }
.bs-popup .bs-panel { max-width: none; box-shadow: none; }

/* Readers who ask for less motion get none: no transition, animation or smooth scrolling anywhere in
   Backstory's UI, including anything a later rule adds (hence !important). */
@media (prefers-reduced-motion: reduce) {
  .bs-root, .bs-root *, .bs-root *::before, .bs-root *::after {
    transition: none !important; animation: none !important; scroll-behavior: auto !important;
  }
}
`;
