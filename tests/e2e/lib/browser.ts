/**
 * Launches Chromium (Debian's /usr/bin/chromium) through playwright-core, with or without the built
 * extension, in a persistent profile so a test can close the browser and reopen the same profile.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { projectRoot } from '../../../scripts/lib/static-server';
import { cdp } from './ax';
import { waitFor } from './wait';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built extension; BACKSTORY_EXTENSION_DIR points elsewhere (e.g. a snapshot of a build). */
export const EXTENSION_DIR = path.resolve(
  process.env.BACKSTORY_EXTENSION_DIR ??
    path.join(projectRoot, process.env.BACKSTORY_OUT_DIR || '.output', 'chrome-mv3'),
);

export interface Browser {
  context: BrowserContext;
  profileDir: string;
  /** Set when launched with the extension. */
  extensionId?: string;
  /** The extension's background service worker, when launched with the extension. */
  worker?: Worker;
  /** Closes the browser; removes the profile unless `keepProfile`. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  /** Load .output/chrome-mv3 (default true). */
  extension?: boolean;
  /** Reuse a profile dir (to test a restart); a fresh temp dir otherwise. */
  profileDir?: string;
  /**
   * Keep the onboarding tab the worker opens on first install (default false: it is closed). Left
   * open, it is the active tab, and Chromium throttles the test's page behind it as a reader's
   * background tab, which no reader clicks in.
   */
  keepOnboarding?: boolean;
  /**
   * Let the test press the extension's toolbar button through CDP (`pressToolbarButton`). Chromium
   * allows `Extensions.triggerAction` only with this flag, over the pipe Playwright launches with.
   */
  toolbarButton?: boolean;
}

/** A host name that resolves to 127.0.0.1 in the test browser but is no news site Backstory knows. */
export const OTHER_SITE = 'news.example.test';

const NAME_SHIM =
  "Object.defineProperty(globalThis, '__name', { value: (f) => f, configurable: true, writable: true });";

/** A fresh, empty profile directory under the OS temp dir. */
export function freshProfileDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'backstory-e2e-'));
}

/** Throws a message that says what to do when Chromium or the build is missing. */
export function assertPrerequisites(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: sudo apt-get install -y chromium`);
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`${EXTENSION_DIR}/manifest.json not found: run \`npm run build\` first`);
}

/**
 * Launches a persistent context. With the extension, waits for its service worker and reads the
 * extension id from the worker URL. Requests to hosts other than 127.0.0.1 are aborted, so real
 * news pages behave the same (offline) with and without the extension, and fast.
 */
export async function launch({
  extension = true,
  profileDir,
  keepOnboarding = false,
  toolbarButton = false,
}: LaunchOptions = {}): Promise<Browser> {
  assertPrerequisites();
  const dir = profileDir ?? freshProfileDir();
  // A profile Chromium has not used yet: the extension is installed now, so its onboarding page opens.
  const firstInstall = !existsSync(path.join(dir, 'Default'));
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
  // news.example.test is a site Backstory does not run on by default, served by the same local server.
  args.push(`--host-resolver-rules=MAP ${OTHER_SITE} 127.0.0.1`);
  args.push('--disable-background-networking', '--disable-component-update', '--disable-sync');
  if (toolbarButton) args.push('--enable-unsafe-extension-debugging');
  if (extension) args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const close: Browser['close'] = async ({ keepProfile = false } = {}) => {
    await context.close().catch(() => undefined);
    if (!keepProfile && !profileDir) rmSync(dir, { recursive: true, force: true });
  };
  try {
    // tsx (esbuild keepNames) wraps named inner functions in __name(); functions that Playwright
    // serialises into the page need it defined there. Non-enumerable, so pages do not see a new global.
    await context.addInitScript({ content: NAME_SHIM });
    await context.route(
      (url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1' && url.hostname !== OTHER_SITE,
      (route) => route.abort('internetdisconnected'),
    );
    if (!extension) return { context, profileDir: dir, close };
    const worker = await waitFor(
      'the extension service worker to start (is the background entrypoint built?)',
      () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')),
      { timeout: 15_000 },
    );
    const extensionId = new URL(worker.url()).host;
    // A fresh profile is a first install: the worker opens the onboarding page (tests/e2e/onboarding.e2e.ts).
    if (firstInstall && !keepOnboarding) {
      const onboarding = await waitFor(
        'the onboarding page to open on first install',
        () => context.pages().find((p) => p.url().endsWith('/onboarding.html')),
        { timeout: 15_000 },
      );
      await onboarding.close();
    }
    return { context, profileDir: dir, extensionId, worker, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs `body` with a launched browser and always closes it. */
export async function withBrowser<T>(options: LaunchOptions, body: (b: Browser) => Promise<T>): Promise<T> {
  const browser = await launch(options);
  try {
    return await body(browser);
  } finally {
    await browser.close();
  }
}

/**
 * Collects what a page reports as broken: uncaught exceptions and console errors of the page, and
 * (through CDP, which sees every world) console errors and uncaught exceptions of extension content
 * scripts, which a reader would find in the same DevTools console. Call before navigating.
 */
export async function collectErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  const session = await cdp(page);
  const extensionWorlds = new Set<number>();
  session.on('Runtime.executionContextCreated', (event: { context: { id: number; origin: string } }) => {
    if (event.context.origin.startsWith('chrome-extension://')) extensionWorlds.add(event.context.id);
  });
  session.on('Runtime.consoleAPICalled', (event: ConsoleEvent) => {
    if (!extensionWorlds.has(event.executionContextId) || !['error', 'assert'].includes(event.type)) return;
    const text = event.args.map((a) => a.value ?? a.description ?? '').join(' ');
    errors.push(`content script console.${event.type}: ${text}`);
  });
  session.on('Runtime.exceptionThrown', (event: ExceptionEvent) => {
    const details = event.exceptionDetails;
    if (details.executionContextId !== undefined && extensionWorlds.has(details.executionContextId))
      errors.push(`content script exception: ${details.exception?.description ?? details.text}`);
  });
  await session.send('Runtime.enable');
  return errors;
}

interface ConsoleEvent {
  type: string;
  executionContextId: number;
  args: Array<{ value?: unknown; description?: string }>;
}
interface ExceptionEvent {
  exceptionDetails: { text: string; executionContextId?: number; exception?: { description?: string } };
}
