/**
 * Runs a woken worker's detector on text it already has (the cards' summaries) while the page
 * parses, so that the first article's text is not what V8 compiles the detector's hot loops on.
 *
 * Why: V8 optimises a function only after running it a while. On a woken worker the first
 * 120,000-character batch of the 200,000-word page took 230-340 ms, against 25-35 ms once warm
 * (performance marks in the worker); in Node, 20,000 characters beforehand took ~100 ms and cut
 * that first batch from ~150 to ~55 ms. The page's work comes first: the warm-up goes in small
 * steps, one task each, and stops as soon as a page asks for names (its text warms it as well).
 */
import type { SpotDetector } from './handlers';

/** Characters the detector is run on once per worker lifetime. */
export const WARM_UP_CHARS = 20_000;

/** Characters per step: a page's spot request that arrives meanwhile waits one step at most. */
export const WARM_UP_STEP_CHARS = 2_500;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Spots `texts` (up to WARM_UP_CHARS of them) with `detector` in steps of WARM_UP_STEP_CHARS, one
 * task each, until `stop()` says a page's own request came; resolves to the characters spotted.
 * The results are dropped: the detector's output does not depend on what it ran on before.
 */
export async function warmUpDetector(detector: SpotDetector, texts: string[], stop: () => boolean): Promise<number> {
  let done = 0;
  let step: string[] = [];
  let stepChars = 0;
  const run = async (): Promise<boolean> => {
    await nextTask();
    if (stop()) return false;
    await detector.spot(step);
    done += stepChars;
    step = [];
    stepChars = 0;
    return true;
  };
  for (const text of texts) {
    if (done + stepChars >= WARM_UP_CHARS) break;
    if (!text) continue;
    step.push(text);
    stepChars += text.length;
    if (stepChars >= WARM_UP_STEP_CHARS && !(await run())) return done;
  }
  if (step.length > 0) await run();
  return done;
}
