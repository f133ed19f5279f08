/**
 * "Save to Backstory" and "Create card" on selected text: a context-menu entry with one sub-entry per kind
 * ("Person", "Organisation", "Place", "Event"), since the reader knows what the name is.
 */
import { browser } from 'wxt/browser';
import { ENTITY_KINDS, type EntityKind } from '@/lib/entity';
import type { BackstoryDB } from '@/lib/db/schema';
import { createReaderCard } from '@/lib/db/cards';
import type { Card } from '@/lib/db/records';
import type { Result } from '@/lib/messaging/protocol';
import { outcomeHash, showInNotebook } from './quote-capture';

/** Id of the parent entry; children are `${MENU_ID}:${kind}`. */
export const MENU_ID = 'backstory-create-card';
/** Id of "Save to Backstory" (the selection as a quote-note; see quote-capture.ts). */
export const SAVE_QUOTE_MENU_ID = 'backstory-save-quote';

const LABELS: Record<EntityKind, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  event: 'Event',
};

/** Longest selection turned into a card name. */
const MAX_NAME = 300;

/** (Re)creates the menu entries; call on install and update. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: SAVE_QUOTE_MENU_ID, title: 'Save to Backstory', contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU_ID, title: 'Create card', contexts: ['selection'] });
  for (const kind of ENTITY_KINDS)
    browser.contextMenus.create({
      id: `${MENU_ID}:${kind}`,
      parentId: MENU_ID,
      title: LABELS[kind],
      contexts: ['selection'],
    });
}

/** The kind a menu entry id stands for, or null when it is not one of ours. */
export function kindOfMenu(menuItemId: string | number): EntityKind | null {
  const m = /^backstory-create-card:(\w+)$/.exec(String(menuItemId));
  const kind = m?.[1];
  return kind && (ENTITY_KINDS as readonly string[]).includes(kind) ? (kind as EntityKind) : null;
}

/** A selection as a card name: one line, spaces collapsed, not too long. Empty when unusable. */
export function nameFromSelection(text: string | undefined): string {
  const name = (text ?? '').replace(/\s+/g, ' ').trim();
  return name.length > MAX_NAME ? '' : name;
}

/**
 * Handles a click on one of the entries: creates a reader card named by the selection. Returns
 * null for clicks that are not ours.
 */
export async function onMenuClick(
  db: BackstoryDB,
  info: { menuItemId: string | number; selectionText?: string },
): Promise<Result<Card> | null> {
  const kind = kindOfMenu(info.menuItemId);
  if (!kind) return null;
  const name = nameFromSelection(info.selectionText);
  if (!name) return { ok: false, error: 'Select a name of at most 300 characters to make a card of it.' };
  return createReaderCard(db, { name, kind });
}

/**
 * A click on "Create card": creates the card, then shows it in the notebook (its entity view),
 * or why there is no card, as "Save to Backstory" does. Without this the reader saw nothing at
 * all: a failure only reached the worker's console. Returns null for clicks that are not ours;
 * never throws.
 */
export async function createCardFromMenu(
  db: BackstoryDB,
  info: { menuItemId: string | number; selectionText?: string },
  tab?: { id?: number; incognito?: boolean },
  log: (message: string) => void = () => undefined,
): Promise<Result<Card> | null> {
  let result: Result<Card> | null;
  try {
    result = await onMenuClick(db, info);
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!result) return null;
  // The notebook opens in a normal window: a private tab cannot be its opener.
  const opener = tab?.incognito ? undefined : tab?.id;
  await showInNotebook(outcomeHash('card', result), opener).catch((error: unknown) =>
    log(`[Backstory] notebook not opened: ${error}`),
  );
  return result;
}
