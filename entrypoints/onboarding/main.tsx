import { render } from 'preact';
import { browser } from 'wxt/browser';
import { notebookCss } from '../../components/notebook-styles';
import { uiCss } from '../../components/styles';
import { readLookupSettings } from '../../lib/lookup/settings';
import { readSettings, watchSettings, writeSettings } from '../../lib/settings/store';
import { Onboarding } from './App';
import { settingsCss } from '../options/SettingsForm';

const style = document.createElement('style');
style.textContent = uiCss + notebookCss + settingsCss;
document.head.append(style);

const root = document.getElementById('app');
if (root)
  render(
    <Onboarding
      settings={{ read: () => readSettings(), write: (p) => writeSettings(p), watch: watchSettings }}
      lookupHost={() => readLookupSettings().then((s) => new URL(s.baseUrl).host)}
      optionsUrl={browser.runtime.getURL('/options.html')}
    />,
    root,
  );
