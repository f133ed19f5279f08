/**
 * The worker's detector together with the cards' names it knows and the card index spots are
 * matched against: rebuilt from one read of the cards table after each change, once however many
 * requests wait for it, and warmed up once per loaded detector (detector-warm-up.ts).
 */
import type { SpotResult } from '@/lib/entity';
import type { BackstoryDB } from '@/lib/db/schema';
import type { Card } from '@/lib/db/records';
import { indexCards, knownNamesOf, type CardIndex, type KnownName } from '@/lib/db/cards';
import { fail, ok } from '@/lib/db/errors';
import type { Result } from '@/lib/messaging/protocol';
import { warmUpDetector } from './detector-warm-up';

/** What the handlers need from the name detector (lib/nlp/detector adapts to this). */
export interface SpotDetector {
  spot(blocks: string[]): SpotResult | Promise<SpotResult>;
  setKnownNames(names: KnownName[]): void;
}

/** The detector, with the names of the cards as they were at the last change. */
export interface Named {
  detector: SpotDetector;
  index: CardIndex;
}

/** What the detector and the index take from the cards: ids, names, kinds, aliases. */
const signature = (cards: readonly Card[]): string =>
  JSON.stringify(cards.map((c) => [c.id, c.name, c.kind, c.aliases]));

/** Cards whose summaries the detector warms up on (starter summaries average ~200 chars). */
const WARM_UP_CARDS = 150;

/** Creates the holder; `getDetector` should cache (see lazy-once.ts). */
export function createNamedDetector(
  db: BackstoryDB,
  getDetector: () => Promise<SpotDetector>,
  log: (m: string) => void,
) {
  let version = 0;
  let applied: (Named & { version: number; signature: string }) | null = null;
  /** The rebuild under way: requests that arrive meanwhile wait for it instead of reading again. */
  let rebuilding: { detector: SpotDetector; version: number; done: Promise<Named> } | null = null;
  /** Pages' spot requests so far: a warm-up under way stops at the next one. */
  let spotRequests = 0;
  let warmed: SpotDetector | null = null;

  /** The detector and card index, no older than the last cardsChanged(). */
  async function current(): Promise<Named> {
    const detector = await getDetector();
    const asked = version;
    if (applied?.detector === detector && applied.version === asked) return applied;
    // One rebuild per change: a page's batches arrive together, and on a woken worker each of the
    // eleven batches of a 200,000-word page read every card again (30-100 ms each, in turn).
    if (rebuilding?.detector !== detector || rebuilding.version !== asked) {
      const done = db.cards.toArray().then((cards): Named => {
        const built = { detector, version: asked, index: indexCards(cards), signature: signature(cards) };
        // A rebuild for a later change may have finished first: its names stay in the detector.
        if (applied?.detector === detector && applied.version > asked) return built;
        detector.setKnownNames(knownNamesOf(cards));
        applied = built;
        return built;
      });
      rebuilding = { detector, version: asked, done };
      // Forgotten once settled: a failed read is not kept, the next request reads again.
      const forget = () => {
        if (rebuilding?.done === done) rebuilding = null;
      };
      done.then(forget, forget);
    }
    return rebuilding.done;
  }

  /** The detector with its names, or the reader-facing reason it could not be loaded. */
  async function loaded(): Promise<Result<Named>> {
    try {
      return ok(await current());
    } catch (error) {
      return fail(
        `Backstory could not load its name detector: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  return {
    loaded,
    /** The cards changed: the next request rebuilds the names and the index. */
    cardsChanged: () => void version++,
    /**
     * The cards as a watch of the table read them: a change unless their ids and names are those
     * in use. (The watch's first reading, on a woken worker, came after prepare() had read the
     * same cards, and made the page's first spot request read them all again: 130 ms.)
     */
    cardsRead(cards: readonly Card[]): void {
      if (applied?.version !== version || applied.signature !== signature(cards)) version++;
    },
    /**
     * For a page's spot request: loads as `loaded()`, and stops a warm-up under way (the page's
     * own text warms the detector as well, and must not wait behind ours).
     */
    forSpot(): Promise<Result<Named>> {
      spotRequests++;
      return loaded();
    },
    /** Loads the detector and its names, then (once per loaded detector) starts its warm-up. */
    async prepare(): Promise<Result<{ ready: boolean }>> {
      const r = await loaded();
      if (!r.ok) return r;
      const { detector } = r.value;
      if (warmed !== detector) {
        warmed = detector;
        const asked = spotRequests;
        void db.cards
          .limit(WARM_UP_CARDS)
          .toArray()
          .then((cards) =>
            warmUpDetector(
              detector,
              cards.map((c) => c.summary),
              () => spotRequests !== asked,
            ),
          )
          .catch((error: unknown) => log(`[Backstory] detector warm-up stopped: ${String(error)}`));
      }
      return ok({ ready: true });
    },
  };
}
