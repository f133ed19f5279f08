import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('modules the command-line scripts import', () => {
  it('load under plain Node (tsx), where Vite gives no import.meta.env', () => {
    // scripts/bench-page.ts reads the content scripts' file names through lib/sites/site-access.ts.
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('./lib/sites/site-access.ts').then((m) => console.log(m.isBuiltInSite('localhost'), m.ARTICLE_SCRIPT_FILE))",
      ],
      { cwd: path.resolve('.'), encoding: 'utf8' },
    );
    expect(out.trim()).toMatch(/^true content-scripts\/article\.js$/);
  }, 30_000);
});
