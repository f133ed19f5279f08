/** The card of one entity in the popup: read through the worker, and read again while Wikipedia is asked. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { usePendingPolls } from '../../components/use-pending-polls';
import type { LookupState } from '../../lib/lookup/types';
import type { BackgroundReplies, PageEntity } from '../../lib/messaging/protocol';
import type { PopupDeps } from './deps';

/** getCard's reply: the card (or null), its notes, where it was seen, the look-up. */
export type CardData = BackgroundReplies['getCard'];

/** What useEntityCard gives the entity's view. */
export interface EntityCard {
  /** The last reply, kept while a new one is asked; null until the first. */
  data: CardData | null;
  /** Why the last ask failed, or null. */
  error: string | null;
  /** The last reply's look-up, marked `slow` once the quick asks are used up (then "Check again"). */
  lookup: LookupState | undefined;
  /** Fetches the card and notes (`retry`: look Wikipedia up again); resolves to whether it could. */
  load: (retry?: boolean) => Promise<boolean>;
  /** The reader picked one of Wikipedia's articles; resolves to the error, or null. */
  chooseArticle: (title: string) => Promise<string | null>;
  /** Creates the entity's card, reads it again, and resolves to its id; throws the reason on failure. */
  createCard: () => Promise<string>;
}

/**
 * The card of `entity` on tab `tabId`, asked of the worker through `deps` when the entity changes;
 * `context` (the page's other names) helps choose among Wikipedia's articles.
 */
export function useEntityCard(deps: PopupDeps, tabId: number, entity: PageEntity, context: string[]): EntityCard {
  const [data, setData] = useState<CardData | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ask = { name: entity.name, kind: entity.kind, aliases: entity.aliases, context };

  /** Fetches the card and notes; keeps showing the previous data while refreshing. */
  const load = useCallback(
    async (retry = false) => {
      // The tab lets the worker tell a private window's tab; `context` (the page's other names)
      // helps choose among Wikipedia's articles.
      if (retry) polls.restart();
      const res = await deps.sendToBackground('getCard', { ...ask, tabId, ...(retry ? { retry } : {}) });
      if (res.ok) {
        setData(res.value);
        setError(null);
      } else setError(res.error);
      return res.ok;
      // Keyed on the entity, not on the `ask` object rebuilt each render.
    },
    [deps, tabId, entity.key],
  );

  useEffect(() => {
    void load();
  }, [load]);

  // A look-up still running answers "pending": ask again until it settles, slowly after a while.
  const polls = usePendingPolls(data, data?.lookup, load);

  async function chooseArticle(title: string): Promise<string | null> {
    const res = await deps.sendToBackground('chooseArticle', { name: entity.name, kind: entity.kind, title });
    if (!res.ok) return res.error;
    setData(res.value);
    return null;
  }

  async function createCard(): Promise<string> {
    const res = await deps.sendToBackground('createCard', ask);
    if (!res.ok) throw new Error(res.error);
    await load();
    return res.value.card.id;
  }

  return { data, error, lookup: polls.lookup, load, chooseArticle, createCard };
}
