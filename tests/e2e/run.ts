/**
 * Runs the end-to-end suite (`npm run test:e2e`): every tests/e2e/*.e2e.ts file, one at a time (each
 * launches Chromium), with node's built-in test runner and its spec reporter.
 * `npm run test:e2e -- popup demo` runs only the files whose names contain one of those words.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { assertPrerequisites } from './lib/browser';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.e2e.ts'))
  .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
  .sort()
  .map((f) => path.join(here, f));

try {
  assertPrerequisites();
} catch (error) {
  console.error(`e2e: ${(error as Error).message}`);
  process.exit(1);
}
if (files.length === 0 || !files.every(existsSync)) {
  console.error(`e2e: no test files match ${filters.join(', ')}`);
  process.exit(1);
}

const started = Date.now();
const stream = run({ files, concurrency: 1, timeout: 5 * 60_000 });
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.on('end', () => {
  console.log(`e2e: ${files.length} file(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
stream.compose(new spec()).pipe(process.stdout);
