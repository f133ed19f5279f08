/**
 * Entry of the browser bundle: exposes one benchmark run to the page, where it runs on
 * Chromium's real IndexedDB. Bundled by chromium.ts; never imported by Node code.
 */
import { runOnce } from './measure';

/** Set by chromium.ts (page.exposeFunction): CPU ms of every Chromium process so far. */
declare const benchCpuMs: (() => Promise<number>) | undefined;

(globalThis as { benchRun?: (tag: string) => ReturnType<typeof runOnce> }).benchRun = (tag) =>
  runOnce(tag, typeof benchCpuMs === 'function' ? benchCpuMs : undefined);
