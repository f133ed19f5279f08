import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
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
  },
});
