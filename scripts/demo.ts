/**
 * `npm start` (after `wxt build`): serves the demo article on 127.0.0.1 and opens Chromium with the
 * freshly built extension loaded, in a throw-away profile. Keeps serving until Ctrl+C.
 * Without a display or without Chromium it says what to do instead of crashing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, startStaticServer } from './lib/static-server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION_DIR = path.join(projectRoot, process.env.BACKSTORY_OUT_DIR || '.output', 'chrome-mv3');
const DEMO_PATH = '/demo/nato-russia.html';

/** Instructions for loading the extension by hand in any Chromium-based browser. */
function manualSteps(url: string): string {
  return [
    'To try Backstory by hand:',
    '  1. open chrome://extensions, switch on "Developer mode",',
    `  2. "Load unpacked" and choose ${EXTENSION_DIR}`,
    `  3. open ${url}`,
  ].join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`No built extension in ${EXTENSION_DIR}. Run \`npm start\` (it builds first) or \`npm run build\`.`);
    process.exitCode = 1;
    return;
  }
  const port = Number(process.env.PORT ?? 0);
  const server = await startStaticServer({ port });
  const url = `${server.url}${DEMO_PATH}`;
  console.log(`Backstory demo page: ${url}`);

  let browser: ChildProcess | undefined;
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'backstory-demo-'));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (browser && browser.exitCode === null) browser.kill('SIGTERM');
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
    console.log('\nDemo stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!existsSync(CHROMIUM)) {
    console.log(`\nChromium was not found at ${CHROMIUM}. Install it with:\n  sudo apt-get install -y chromium\n`);
    console.log(`${manualSteps(url)}\n\nServing until Ctrl+C.`);
    return;
  }
  if (!hasDisplay) {
    console.log('\nNo display (DISPLAY is unset), so Chromium cannot open a window here.');
    console.log('Run `npm start` from a desktop session, or forward X (ssh -X) and run it again.');
    console.log(`${manualSteps(url)}\n\nServing until Ctrl+C.`);
    return;
  }

  const args = [
    `--user-data-dir=${profileDir}`,
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-first-run',
    '--no-default-browser-check',
  ];
  // Chromium refuses to run as root with its sandbox on (containers, CI boxes).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  browser = spawn(CHROMIUM, [...args, url], { stdio: ['ignore', 'ignore', 'pipe'] });
  // Keep Chromium's last complaint, to explain a window that never opened.
  let lastError = '';
  browser.stderr?.on('data', (chunk: Buffer) => {
    const lines = chunk.toString().trim().split('\n');
    lastError = lines[lines.length - 1] ?? lastError;
  });
  browser.on('error', (error) => console.error(`Could not start ${CHROMIUM}: ${error.message}`));
  browser.on('exit', (code) => {
    if (stopping) return;
    if (code) console.log(`\nChromium exited with code ${code}: ${lastError}\n${manualSteps(url)}`);
    console.log('Chromium closed; the demo page is still served until Ctrl+C.');
  });
  console.log('Opening Chromium with Backstory loaded: hover a name in the article. Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
