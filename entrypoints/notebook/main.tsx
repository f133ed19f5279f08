import { render } from 'preact';
import { notebookCss } from '../../components/notebook-styles';
import { uiCss } from '../../components/styles';
import { BackstoryDB } from '../../lib/db/schema';
import { App } from './App';

const style = document.createElement('style');
style.textContent = uiCss + notebookCss;
document.head.append(style);

/** A readable message in the page, as text (never HTML). */
function alertText(root: HTMLElement, text: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = text;
  root.append(p);
}

const root = document.getElementById('app');
if (root) {
  const db = new BackstoryDB();
  // An upgrade held up by another open Backstory page: say so instead of waiting silently.
  db.on('blocked', () =>
    alertText(
      root,
      'Backstory is updating its database, but another open Backstory page holds the old one. Close other notebook, options or popup pages, then reload this one.',
    ),
  );
  db.open()
    .then(() => render(<App db={db} />, root))
    .catch((error: unknown) => {
      // A database that cannot open (failed upgrade, storage disabled) still gets a readable page.
      alertText(
        root,
        `Backstory could not open your notebook: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
}
