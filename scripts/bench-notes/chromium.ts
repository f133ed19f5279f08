/**
 * Runs the notebook benchmark in headless Chromium, on its real (on-disk, LevelDB-backed)
 * IndexedDB: bundles browser-entry.ts with esbuild into a temp folder, serves it from
 * 127.0.0.1 and calls the bundled run in the page once per run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../lib/static-server';
import type { Figures } from './measure';
import { descendantsCpuMs } from './proc-cpu';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundles the benchmark for the browser into `dir` (bench.js + index.html). */
async function bundle(dir: string): Promise<void> {
  await build({
    entryPoints: [path.join(here, 'browser-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: path.join(dir, 'bench.js'),
    logLevel: 'warning',
  });
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="bench.js"></script>',
  );
}

/**
 * Runs the benchmark `runs` times in Chromium and returns each run's figures, plus the
 * browser version. A persistent profile in a temp dir: IndexedDB writes to disk as it does
 * for the extension (an incognito context would keep it in memory).
 */
export async function runInChromium(runs: number): Promise<{ version: string; runs: Figures[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-notes-web-'));
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bench-notes-profile-'));
  await bundle(dir);
  const server = await startStaticServer({ mounts: { '/': dir } });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const version = context.browser()?.version() ?? 'unknown';
    const out: Figures[] = [];
    for (let i = 0; i < runs; i++) {
      // A fresh page per run, so one run's garbage does not slow the next.
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Chromium is this process's child: its whole process tree is what the page costs.
      await page.exposeFunction('benchCpuMs', () => descendantsCpuMs(process.pid));
      await page.goto(`${server.url}/index.html`);
      await page.waitForFunction(() => 'benchRun' in globalThis);
      const figures = await page.evaluate(
        (tag) => (globalThis as unknown as { benchRun: (t: string) => Promise<Figures> }).benchRun(tag),
        `web-${i}`,
      );
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      out.push(figures);
      await page.close();
    }
    return { version, runs: out };
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
