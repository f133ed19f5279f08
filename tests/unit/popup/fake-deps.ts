import { vi } from 'vitest';
import type { Card, Note } from '../../../lib/db/records';
import type { PageState, Result, TabReplies } from '../../../lib/messaging/protocol';
import type { PopupDeps } from '../../../entrypoints/popup/deps';

/** An in-memory stand-in for the background worker and the tab, recording every call. */
export function fakeDeps(
  opts: { tab?: TabReplies['getPageState'] | null; cards?: Card[]; notes?: Note[]; failGetCard?: string } = {},
) {
  const cards = [...(opts.cards ?? [])];
  const notes = [...(opts.notes ?? [])];
  let pageState = opts.tab ?? null;
  let clock = 1_700_000_000_000;
  const ok = <T>(value: T): Result<T> => ({ ok: true, value });

  const sendToBackground = vi.fn(async (type: string, payload: any): Promise<Result<any>> => {
    switch (type) {
      case 'getCard': {
        if (opts.failGetCard) return { ok: false, error: opts.failGetCard };
        const card = cards.find((c) => c.name === payload.name) ?? null;
        return ok({ card, notes: card ? notes.filter((n) => n.cardId === card.id) : [], seenIn: card ? 2 : 0 });
      }
      case 'createCard': {
        const card: Card = {
          id: `reader-${cards.length + 1}`,
          name: payload.name,
          kind: payload.kind,
          aliases: payload.aliases ?? [],
          keys: [],
          description: '',
          summary: '',
          source: 'reader',
          edited: true,
          createdAt: clock,
          updatedAt: clock,
        };
        cards.push(card);
        return ok({ card });
      }
      case 'saveNote': {
        clock += 1000;
        const old = notes.find((n) => n.id === payload.noteId);
        if (old) {
          Object.assign(old, { body: payload.body, updatedAt: clock });
          return ok({ note: old });
        }
        const note: Note = {
          id: `note-${notes.length + 1}`,
          cardId: payload.cardId,
          body: payload.body,
          page: payload.page,
          createdAt: clock,
          updatedAt: clock,
        };
        notes.push(note);
        return ok({ note });
      }
      case 'updateCard': {
        const card = cards.find((c) => c.id === payload.cardId);
        if (!card) return { ok: false, error: 'no such card' };
        Object.assign(card, { description: payload.description, summary: payload.summary, aliases: payload.aliases });
        return ok({ card });
      }
      case 'deleteCard': {
        const i = cards.findIndex((c) => c.id === payload.cardId);
        if (i >= 0) cards.splice(i, 1);
        return ok({ deleted: i >= 0, notes: 0 });
      }
      case 'mergeCards': {
        const i = cards.findIndex((c) => c.id === payload.dropId || c.name === payload.otherName);
        if (i >= 0) cards.splice(i, 1);
        return ok({ card: cards.find((c) => c.id === payload.keepId) });
      }
      case 'findCards':
        return ok({
          cards: cards
            .filter((c) => c.id !== payload.excludeId)
            .map(({ id, name, kind, description }) => ({ id, name, kind, description })),
        });
      case 'deleteNote': {
        const i = notes.findIndex((n) => n.id === payload.noteId);
        if (i >= 0) notes.splice(i, 1);
        return ok({ deleted: i >= 0 });
      }
      case 'restoreNote': {
        const back = !notes.some((n) => n.id === payload.note.id);
        if (back) notes.push(payload.note);
        return ok({ restored: back });
      }
    }
    return { ok: false, error: `unknown ${type}` };
  });

  const sendToTab = vi.fn(async (_tabId: number, type: string): Promise<Result<any>> => {
    if (!pageState) return { ok: false, error: 'Could not establish connection. Receiving end does not exist.' };
    if (type === 'revealEntity') return ok({ revealed: true });
    if (type === 'getArticleText') return ok({ blocks: ['In 2014 Jens Stoltenberg became head of Nato.'] });
    return ok(pageState);
  });

  const deps = {
    sendToBackground,
    sendToTab,
    findTab: vi.fn(async () => ({ id: 42 })),
    injectContentScript: vi.fn(async () => {}),
    sleep: vi.fn(async () => {}),
  };
  return {
    deps: deps as unknown as PopupDeps & typeof deps,
    cards,
    notes,
    /** Makes the tab start (or stop) answering. */
    setTab(state: TabReplies['getPageState'] | null) {
      pageState = state;
    },
  };
}

/** The reference article's page state, as the content script would report it. */
export const natoPage: PageState = {
  url: 'http://127.0.0.1/nato.html',
  title: 'Nato-Russia relations at lowest point',
  entities: [
    {
      key: 'person:jens stoltenberg',
      name: 'Jens Stoltenberg',
      kind: 'person',
      aliases: ['Stoltenberg'],
      count: 4,
      cardId: 'jens-stoltenberg',
    },
    { key: 'organization:nato', name: 'Nato', kind: 'organization', aliases: [], count: 9 },
    { key: 'event:cold war', name: 'Cold War', kind: 'event', aliases: [], count: 1 },
    { key: 'person:sergei skripal', name: 'Sergei Skripal', kind: 'person', aliases: [], count: 1 },
  ],
};
