/**
 * Waiting on look-ups: one shared job per kind and name, and a bounded wait for its answer.
 */
import type { CardLookup } from './answers';

/** One running job per key: a second ask for the same name shares the first one's answer. */
export class OnePerName {
  private readonly running = new Map<string, Promise<CardLookup>>();

  /** True while a job for `key` runs. */
  has(key: string): boolean {
    return this.running.has(key);
  }

  /** The job running for `key`, or `start()` as the new one. A throw becomes a 'failed' answer. */
  run(key: string, start: () => Promise<CardLookup>): Promise<CardLookup> {
    let job = this.running.get(key);
    if (!job) {
      job = start()
        .catch(
          (error: unknown): CardLookup => ({
            card: null,
            lookup: {
              status: 'failed',
              error: `The look-up failed: ${error instanceof Error ? error.message : String(error)}.`,
            },
          }),
        )
        .finally(() => this.running.delete(key));
      this.running.set(key, job);
    }
    return job;
  }
}

/** `job`'s answer, or 'pending' when it takes longer than `waitMs` (it carries on). */
export function within(job: Promise<CardLookup>, waitMs: number | undefined): Promise<CardLookup> {
  if (waitMs === undefined) return job;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Promise<CardLookup>((resolve) => {
    timer = setTimeout(() => resolve({ card: null, lookup: { status: 'pending' } }), waitMs);
  });
  return Promise.race([job, pending]).finally(() => clearTimeout(timer));
}
