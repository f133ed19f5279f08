/**
 * Loads the name detector from the model files shipped in public/model/. Kept apart from
 * the handlers so they (and their tests) do not depend on lib/nlp.
 */
import { browser } from 'wxt/browser';
import { createDetector, parseModel } from '@/lib/nlp/detector';
import { MODEL_FILES, packedName } from '@/lib/nlp/model-files';
import type { SpotDetector } from './handlers';

/** An extension URL for a path that WXT's typed getURL does not know at compile time. */
function extensionUrl(path: string): string {
  return (browser.runtime.getURL as (p: string) => string)(path);
}

/**
 * Fetches one gzipped model file of the build (see wxt.config.ts) and unpacks it. Gzipped, the
 * tagger is 0.3 MB instead of 1.1: reading a package file streams slowly into the worker (55 ms
 * for the 1.1 MB one on an idle machine, 190-240 ms on a woken worker while the page loads).
 */
async function fetchModelFile(file: string): Promise<string> {
  const res = await fetch(extensionUrl(`/model/${packedName(file)}`));
  if (!res.ok || !res.body) throw new Error(`model file ${file} is missing (HTTP ${res.status})`);
  try {
    return await new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).text();
  } catch (error) {
    throw new Error(`model file ${file} is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Fetches every model file, parses the model and builds the detector. */
export async function loadDetector(): Promise<SpotDetector> {
  const entries = await Promise.all(MODEL_FILES.map(async (file) => [file, await fetchModelFile(file)] as const));
  const detector = createDetector(parseModel(Object.fromEntries(entries)));
  return {
    spot: (blocks) => detector.spot(blocks),
    // The detector takes flat (name, kind) pairs: each alias of a card is a name of that kind.
    setKnownNames: (names) =>
      detector.setKnownNames(
        names.flatMap((n) => [{ name: n.name, kind: n.kind }, ...n.aliases.map((a) => ({ name: a, kind: n.kind }))]),
      ),
  };
}
