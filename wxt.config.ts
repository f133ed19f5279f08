import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Helpers and CI can build side by side into their own folders (BACKSTORY_OUT_DIR=.out-x npm run build).
  outDir: process.env.BACKSTORY_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Backstory',
    description: 'The backstory of the people, organisations, places and events in the news you read.',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    // Look-ups only: the background asks Wikipedia about names the reader hovers or opens.
    host_permissions: ['https://en.wikipedia.org/*'],
    action: { default_title: 'Backstory' },
    // Browser-level shortcuts (chrome://extensions/shortcuts lets the reader change them); page-level
    // keys would clash with news sites' own shortcuts. Chrome allows four suggested keys.
    commands: {
      'next-name': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next marked name and open its card',
      },
      'previous-name': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Go to the previous marked name and open its card',
      },
      'toggle-marks': { suggested_key: { default: 'Alt+Shift+M' }, description: 'Show or hide the marks on this page' },
      _execute_action: { suggested_key: { default: 'Alt+Shift+B' }, description: 'Open Backstory' },
    },
  },
});
