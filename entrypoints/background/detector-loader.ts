/**
 * Loads the name detector from the model files shipped in public/model/. Kept apart from
 * the handlers so they (and their tests) do not depend on lib/nlp.
 */
import { browser } from 'wxt/browser';
import { createDetector, parseModel, MODEL_FILES } from '@/lib/nlp/detector';
import type { SpotDetector } from './handlers';

/** An extension URL for a path that WXT's typed getURL does not know at compile time. */
function extensionUrl(path: string): string {
  return (browser.runtime.getURL as (p: string) => string)(path);
}

/** Fetches every model file (text, or bytes for .bin files), parses the model and builds the detector. */
export async function loadDetector(): Promise<SpotDetector> {
  const entries = await Promise.all(
    MODEL_FILES.map(async (file) => {
      const res = await fetch(extensionUrl(`/model/${file}`));
      if (!res.ok) throw new Error(`model file ${file} is missing (HTTP ${res.status})`);
      return [file, file.endsWith('.bin') ? await res.arrayBuffer() : await res.text()] as const;
    }),
  );
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
