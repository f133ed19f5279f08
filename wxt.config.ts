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
    action: { default_title: 'Backstory' },
  },
});
