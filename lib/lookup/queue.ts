/**
 * Wikimedia API etiquette in one place: requests go out one at a time, in order; an HTTP 429
 * pauses the whole queue for as long as Retry-After asks, a 5xx backs off exponentially, and a
 * request that keeps failing gives up so the requests behind it keep moving.
 */
import type { HttpOutcome } from './http';

/** Options of {@link RequestQueue}. */
export interface QueueOptions {
  /** Retries after a 429 or 5xx before giving up (default 3). */
  maxRetries?: number;
  /** First back-off after a 5xx or a 429 without Retry-After, doubled each retry (default 1000 ms). */
  baseDelayMs?: number;
  /** A pause longer than this is not waited for: the request gives up at once (default 60 s). */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs request functions strictly one after another, with back-off. */
export class RequestQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pausedUntil = 0;
  private waiting = 0;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(opts: QueueOptions = {}) {
    this.maxRetries = opts.maxRetries ?? 3;
    this.baseDelayMs = opts.baseDelayMs ?? 1000;
    this.maxWaitMs = opts.maxWaitMs ?? 60_000;
    this.sleep = opts.sleep ?? realSleep;
    this.now = opts.now ?? Date.now;
  }

  /** Requests queued or running. */
  get size(): number {
    return this.waiting;
  }

  /**
   * Queues `request` behind every earlier one and resolves to its final outcome (after any
   * retries). Never rejects: a throwing request becomes a `failed` outcome.
   */
  run(request: () => Promise<HttpOutcome>): Promise<HttpOutcome> {
    this.waiting++;
    const job = this.tail.then(() => this.attempt(request)).finally(() => this.waiting--);
    this.tail = job.catch(() => undefined);
    return job;
  }

  private async attempt(request: () => Promise<HttpOutcome>): Promise<HttpOutcome> {
    for (let tries = 0; ; tries++) {
      const wait = this.pausedUntil - this.now();
      if (wait > this.maxWaitMs) return { kind: 'held', waitMs: wait };
      if (wait > 0) await this.sleep(wait);
      let outcome: HttpOutcome;
      try {
        outcome = await request();
      } catch (error) {
        outcome = { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
      if (outcome.kind !== 'http' || !(outcome.status === 429 || outcome.status >= 500)) return outcome;
      // The pause is shared: everything behind this request waits too, as Wikimedia asks.
      const backoff = outcome.retryAfterMs ?? this.baseDelayMs * 2 ** tries;
      this.pausedUntil = Math.max(this.pausedUntil, this.now() + backoff);
      if (tries >= this.maxRetries) return outcome;
    }
  }
}
