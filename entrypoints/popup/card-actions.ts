/** What the popup's card tools do: edit, delete and merge the entity's card. */
import type { CardEditValues } from '../../components/CardEditor';
import type { PopupDeps } from './deps';
import type { FocusTarget } from './detail-focus';

/** What the card tools need from the entity's view. */
export interface CardActionsContext {
  deps: PopupDeps;
  /** The card shown, if any. */
  cardId: string | undefined;
  /** Reads the card again. */
  load: () => Promise<unknown>;
  /** Where focus goes after the next render (see FocusTarget). */
  focusNext: { current: FocusTarget | null };
  /** Closes the card editor, with focus back on "Edit card". */
  closeEditor: () => void;
}

/** The handlers of CardEditor and CardTools for the card `cardId`; each resolves to an error, or null. */
export function cardActions({ deps, cardId, load, focusNext, closeEditor }: CardActionsContext) {
  async function saveCard(values: CardEditValues): Promise<string | null> {
    if (!cardId) return 'There is no card to edit.';
    const res = await deps.sendToBackground('updateCard', { cardId, ...values });
    if (!res.ok) return res.error;
    closeEditor();
    await load();
    return null;
  }

  async function removeCard(): Promise<string | null> {
    if (!cardId) return null;
    const res = await deps.sendToBackground('deleteCard', { cardId });
    if (!res.ok) return res.error;
    // The card's tools go with the card: the heading (the name) is where reading goes on.
    focusNext.current = 'heading';
    await load();
    return null;
  }

  /** Merges the card picked by name (`otherName`) or from the list (`dropId`) into this one. */
  async function mergeInto(other: { otherName: string } | { dropId: string }): Promise<string | null> {
    if (!cardId) return 'There is no card to merge into.';
    const res = await deps.sendToBackground('mergeCards', { keepId: cardId, ...other });
    if (!res.ok) return res.error;
    focusNext.current = 'heading'; // the merge picker closes
    await load();
    return null;
  }

  async function findCards(query: string) {
    const res = await deps.sendToBackground('findCards', cardId ? { query, excludeId: cardId } : { query });
    if (!res.ok) throw new Error(res.error);
    return res.value.cards;
  }

  return { saveCard, removeCard, mergeInto, findCards };
}
