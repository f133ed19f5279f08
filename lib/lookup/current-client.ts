import type { RequestQueue } from './queue';
import { extensionVersion, type LookupSettings } from './settings';
import { WikipediaClient } from './wikipedia';

/** What {@link currentClient} reads: the reader's settings, and how its client makes requests. */
export interface CurrentClientOptions {
  settings: () => Promise<LookupSettings>;
  queue: RequestQueue;
  version?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/**
 * Returns a function that gives the Wikipedia client for the current settings, or null when
 * look-ups are off. The client is kept until the reader changes the Wikipedia address.
 */
export function currentClient(opts: CurrentClientOptions): () => Promise<WikipediaClient | null> {
  let client: WikipediaClient | null = null;
  let clientBase = '';
  return async () => {
    const s = await opts.settings();
    if (!s.enabled) return null;
    if (!client || clientBase !== s.baseUrl) {
      clientBase = s.baseUrl;
      const version = opts.version ?? extensionVersion();
      client = new WikipediaClient({
        baseUrl: s.baseUrl,
        queue: opts.queue,
        version,
        timeoutMs: opts.timeoutMs,
        fetchImpl: opts.fetchImpl,
      });
    }
    return client;
  };
}
