/** Fetches public/starter-cards.json and installs it into Dexie. */
import { browser } from 'wxt/browser';
import type { BackstoryDB } from '@/lib/db/schema';
import { installStarterCards, type InstallReport } from '@/lib/db/starter';

/**
 * Installs the starter cards shipped with the extension (never overwriting cards the reader
 * edited). Resolves to what was done; rejects with a clear message when the file is unreadable.
 */
export async function installShippedStarterCards(db: BackstoryDB): Promise<InstallReport> {
  const url = (browser.runtime.getURL as (p: string) => string)('/starter-cards.json');
  const res = await fetch(url);
  if (!res.ok) throw new Error(`starter-cards.json could not be read (HTTP ${res.status})`);
  const cards: unknown = await res.json();
  if (!Array.isArray(cards)) throw new Error('starter-cards.json is not a list of cards');
  return installStarterCards(db, cards);
}
