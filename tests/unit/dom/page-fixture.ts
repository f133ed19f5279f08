/**
 * Loads a real news page from ../shared/pages (beside the project, on every developer machine and
 * in CI) into its own inert happy-dom window (no scripts, no network).
 */
import { readFileSync } from 'node:fs';
import { URL as NodeURL, fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

export const PAGES_DIR = fileURLToPath(new NodeURL('../../../../shared/pages', import.meta.url));

const quiet = { log() {}, warn() {}, error() {}, info() {}, debug() {} } as unknown as Console;

/** Parses HTML into a fresh window's document; external resources are never fetched. */
export function loadHtml(html: string): Document {
  const win = new Window({
    console: quiet,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  win.document.write(html);
  return win.document as unknown as Document;
}

/** source.html and expected.html of one shared page. */
export function loadPage(name: string): { source: Document; expected: Document } {
  return {
    source: loadHtml(readFileSync(`${PAGES_DIR}/${name}/source.html`, 'utf8')),
    expected: loadHtml(readFileSync(`${PAGES_DIR}/${name}/expected.html`, 'utf8')),
  };
}
