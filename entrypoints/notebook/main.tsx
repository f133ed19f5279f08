import { render } from 'preact';
import { notebookCss } from '../../components/notebook-styles';
import { uiCss } from '../../components/styles';
import { openBackstoryDB } from '../../lib/db/schema';
import { App } from './App';

const style = document.createElement('style');
style.textContent = uiCss + notebookCss;
document.head.append(style);

const root = document.getElementById('app');
if (root) {
  openBackstoryDB()
    .then((db) => render(<App db={db} />, root))
    .catch((error: unknown) => {
      // A database that cannot open (blocked upgrade, storage disabled) still gets a readable page.
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = `Backstory could not open your notebook: ${error instanceof Error ? error.message : String(error)}`;
      root.append(p);
    });
}
