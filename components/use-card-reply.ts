/**
 * The hover card's data: getCard's reply for one entity, asked through the background, kept in the
 * page's cache, and asked again while a Wikipedia look-up is still pending.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CardReply, HoverEntity, SendFn } from './HoverCard';
import { usePendingPolls } from './use-pending-polls';

/** What useCardReply gives the hover card. */
export interface CardReplyState {
  /** The reply shown: the cached one at first, then the background's; null until one came. */
  data: CardReply | null;
  /** Why the card could not be read, when no cached card is shown instead. */
  error: string | null;
  /** The reply's look-up, marked `slow` once the quick polls are used up. */
  lookup: CardReply['lookup'];
  /** Asks the background again; resolves to the error, or null. */
  refresh: (retry?: boolean) => Promise<string | null>;
  /** "Retry" / "Look up again" / "Check again": asks again at once, and quickly again while it is pending. */
  retry: () => Promise<string | null>;
  /** The reader picked one of Wikipedia's candidate articles for this name. */
  chooseArticle: (title: string) => Promise<string | null>;
  /** Creates the entity's card, then reads it; throws the reason when the background refuses. */
  createCard: () => Promise<void>;
}

/**
 * The card reply for `entity`: shown at once from `cache` when the name was hovered before, then
 * asked of the background through `send` (and kept in `cache` for the next hover).
 */
export function useCardReply(entity: HoverEntity, send: SendFn, cache?: Map<string, CardReply>): CardReplyState {
  const [data, setData] = useState<CardReply | null>(() => cache?.get(entity.key) ?? null);
  const [error, setError] = useState<string | null>(null);
  const ask = {
    name: entity.name,
    kind: entity.kind,
    aliases: entity.aliases.slice(0, 50),
    context: entity.context ?? [],
  };

  const refresh = useCallback(
    async (retry = false): Promise<string | null> => {
      const r = await send('getCard', retry ? { ...ask, retry } : ask);
      if (!r.ok) {
        // A card already shown from the cache stays: the reader loses nothing to a failed refresh.
        if (!cache?.has(entity.key)) setError(r.error);
        return r.error;
      }
      setError(null);
      keep(r.value);
      return null;
    },
    [entity.key, send],
  );

  /** Shows `reply` and keeps it for the next hover of this name. */
  function keep(reply: CardReply): void {
    cache?.set(entity.key, reply);
    setData(reply);
  }

  useEffect(() => {
    setData(cache?.get(entity.key) ?? null);
    void refresh();
  }, [refresh]);

  // A Wikipedia look-up still running answers "pending": ask again until it settles.
  const polls = usePendingPolls(data, data?.lookup, refresh);

  function retry(): Promise<string | null> {
    polls.restart();
    return refresh(true);
  }

  async function chooseArticle(title: string): Promise<string | null> {
    const r = await send('chooseArticle', { name: entity.name, kind: entity.kind, title });
    if (!r.ok) return r.error;
    keep(r.value);
    return null;
  }

  async function createCard(): Promise<void> {
    const r = await send('createCard', ask);
    if (!r.ok) throw new Error(r.error);
    await refresh();
  }

  return { data, error, lookup: polls.lookup, refresh, retry, chooseArticle, createCard };
}
