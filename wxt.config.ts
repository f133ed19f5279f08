import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { MODEL_FILES, packedName } from './lib/nlp/model-files';
import { articleMatches } from './lib/sites/patterns';
import { PAGE_START_SCRIPT_FILE } from './lib/sites/site-access';

/** Where the model files are in public/ and in the build. */
const MODEL_DIR = 'model';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Helpers and CI can build side by side into their own folders (BACKSTORY_OUT_DIR=.out-x npm run build).
  outDir: process.env.BACKSTORY_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  // Only the built-in news sites and the local test hosts run the content script at install; other sites are
  // added by the reader ("Run on this site"), which asks for that one origin then (entrypoints/background/site-access.ts).
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'The backstory of the people, organisations, places and events in the news you read.',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    // Look-ups only: the background asks Wikipedia about names the reader hovers or opens.
    host_permissions: ['https://en.wikipedia.org/*'],
    // The page starter (entrypoints/page-start.ts says why it is an unlisted script). The host permissions
    // the worker's injection of the article script needs come from that script's matches (WXT adds them).
    content_scripts: [{ matches: articleMatches(), js: [PAGE_START_SCRIPT_FILE], run_at: 'document_start' }],
    // Chrome MV3 takes optional_host_permissions; Firefox MV2 lists origins in optional_permissions (WXT drops the
    // MV3 key from MV2 builds instead of converting it).
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    // No remote code and no inline script: scripts only from the package. Images only from where cards get them:
    // the package, data: URLs, and Wikimedia's image host (thumbnails in look-up summaries). The look-up host itself
    // (lookupBaseUrl, a run-time setting) is not listed: a CSP is fixed at build time, and cards show thumbnails
    // from upload.wikimedia.org, never from the API host; a mirror's own images are not shown.
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'self'; img-src 'self' data: https://upload.wikimedia.org; base-uri 'self'; form-action 'none';",
    },
    // Firefox: a fixed id (storage and sync are keyed by it) and the version that has the CSS Custom Highlight API
    // (140) and the built-in data-consent key. Look-ups send names read on pages to Wikipedia: website content.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    action: { default_title: 'Backstory' },
    // The hover card's notes are an extension frame inside the card (keys typed there never reach the
    // page). Every page the content script may run on must load it. Chrome: only through a per-session
    // dynamic URL, so pages cannot probe for Backstory; Firefox MV2: a list of paths (WXT converts).
    web_accessible_resources: [{ resources: ['note-frame.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    // Browser-level shortcuts (chrome://extensions/shortcuts lets the reader change them); page-level
    // keys would clash with news sites' own shortcuts. Chrome allows four suggested keys.
    commands: {
      'next-name': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next marked name and open its card',
      },
      // No suggested key (Chrome allows four): the reader can assign one at chrome://extensions/shortcuts.
      'previous-name': { description: 'Go to the previous marked name and open its card' },
      'save-quote': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the selected text to Backstory as a quote',
      },
      'toggle-marks': { suggested_key: { default: 'Alt+Shift+M' }, description: 'Show or hide the marks on this page' },
      // MV2 (Firefox) names the toolbar button's command after browser_action.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Open Backstory',
      },
    },
  }),
  // The model ships gzipped (the worker unpacks it with DecompressionStream, detector-loader.ts): reading
  // the 1.1 MB tagger.json from the package took a woken worker 190-240 ms, before the first article's
  // names; gzipped it is 0.3 MB. The plain files stay in public/ for the Node tools (load-node.ts).
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      const model = new Set(MODEL_FILES.map((f) => `${MODEL_DIR}/${f}`));
      for (let i = files.length - 1; i >= 0; i--) if (model.has(files[i]?.relativeDest ?? '')) files.splice(i, 1);
    },
    'build:done': (wxt) => {
      const out = path.join(wxt.config.outDir, MODEL_DIR);
      mkdirSync(out, { recursive: true });
      for (const file of MODEL_FILES) {
        const data = readFileSync(path.join(wxt.config.publicDir, MODEL_DIR, file));
        writeFileSync(path.join(out, packedName(file)), gzipSync(data, { level: 9 }));
      }
    },
  },
  zip: {
    // Other builds (BACKSTORY_OUT_DIR=.out-*), test output and local data stay out of the sources zip.
    excludeSources: ['.out-*/**', 'tests/**', 'playwright-report/**', 'test-results/**'],
  },
});
