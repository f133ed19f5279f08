import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { sendToBackground, sendToTab } from '@/lib/messaging/client';
import { createRouter, backgroundSenderPolicy, type Sender } from '@/lib/messaging/serve';
import { backgroundSchemas } from '@/lib/messaging/protocol';

describe('sendToBackground', () => {
  beforeEach(() => fakeBrowser.reset());

  it('wraps the payload in an envelope and resolves to the reply', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(
      (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
        seen.push(message);
        sendResponse({ ok: true, value: { deleted: true } });
        return true;
      },
    );
    expect(await sendToBackground('deleteNote', { noteId: 'n1' })).toEqual({ ok: true, value: { deleted: true } });
    expect(seen).toEqual([{ backstory: 1, type: 'deleteNote', payload: { noteId: 'n1' } }]);
  });

  it('never throws: no receiver, a dropped reply, a non-Result reply and a timeout become errors', async () => {
    const none = await sendToBackground('deleteNote', { noteId: 'n1' });
    expect(none).toEqual({
      ok: false,
      error: expect.stringMatching(/could not be reached for "deleteNote" \(No listeners available\)/),
    });

    fakeBrowser.runtime.onMessage.addListener(() => undefined);
    expect(await sendToBackground('deleteNote', { noteId: 'n1' })).toEqual({
      ok: false,
      error: `Backstory's background worker gave no answer to "deleteNote".`,
    });

    fakeBrowser.reset();
    fakeBrowser.runtime.onMessage.addListener((_m: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
      sendResponse('not a result');
      return true;
    });
    expect((await sendToBackground('deleteNote', { noteId: 'n1' })).ok).toBe(false);

    fakeBrowser.reset();
    fakeBrowser.runtime.onMessage.addListener(() => true); // promises an answer, never sends it
    const slow = await sendToBackground('deleteNote', { noteId: 'n1' }, { timeoutMs: 30 });
    expect(slow).toEqual({
      ok: false,
      error: `Backstory's background worker did not answer "deleteNote" within 30 ms.`,
    });
  });

  it('round-trips through the router (validation error included)', async () => {
    const router = createRouter(
      backgroundSchemas,
      {
        pageStarting: async () => ({ ok: true, value: { ready: true } }),
        loadCardUi: async () => ({ ok: true, value: { injected: true } }),
        spotBlocks: async () => ({ ok: true, value: { entities: [], spans: [] } }),
        getCard: async ({ name }) => ({ ok: true, value: { card: null, notes: [], seenIn: name.length } }),
        getPageCards: async () => ({ ok: true, value: { cards: [] } }),
        createCard: async () => ({ ok: false, error: 'x' }),
        saveNote: async () => ({ ok: false, error: 'x' }),
        deleteNote: async () => ({ ok: true, value: { deleted: false } }),
        restoreNote: async () => ({ ok: true, value: { restored: false } }),
        chooseArticle: async () => ({ ok: false, error: 'x' }),
        updateCard: async () => ({ ok: false, error: 'x' }),
        deleteCard: async () => ({ ok: false, error: 'x' }),
        mergeCards: async () => ({ ok: false, error: 'x' }),
        findCards: async () => ({ ok: true, value: { cards: [] } }),
      },
      backgroundSenderPolicy,
      () => undefined,
    );
    // The fake browser sends an empty sender; a real content script's sender has our id and its tab.
    const contentScript: Sender = { id: browser.runtime.id, tab: { id: 1 } as Sender['tab'] };
    fakeBrowser.runtime.onMessage.addListener((m: unknown, _s: unknown, r: (x: unknown) => void) =>
      router(m, contentScript, r),
    );
    expect(await sendToBackground('getCard', { name: 'Crimea', kind: 'place' })).toEqual({
      ok: true,
      value: { card: null, notes: [], seenIn: 6 },
    });
    const bad = await sendToBackground('getCard', { name: 3, kind: 'place' } as never);
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/^Invalid getCard: name: /) });
    // Notes are written only from extension pages (the note frame), never by a content script.
    const refused = await sendToBackground('saveNote', { cardId: 'nato', body: 'x' });
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^Backstory refused "saveNote": /) });
  });
});

describe('sendToTab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends an envelope to the top frame of the tab and resolves to the reply', async () => {
    const sendMessage = vi.fn(async () => ({ ok: true, value: { revealed: true } }));
    fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
    expect(await sendToTab(12, 'revealEntity', { key: 'place:crimea' })).toEqual({
      ok: true,
      value: { revealed: true },
    });
    expect(sendMessage).toHaveBeenCalledWith(
      12,
      { backstory: 1, type: 'revealEntity', payload: { key: 'place:crimea' } },
      { frameId: 0 },
    );
  });

  it('a tab without the content script gives an error Result', async () => {
    fakeBrowser.tabs.sendMessage = (async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as unknown as typeof fakeBrowser.tabs.sendMessage;
    expect(await sendToTab(12, 'getPageState', {})).toEqual({
      ok: false,
      error:
        'The page could not be reached for "getPageState" (Could not establish connection. Receiving end does not exist.).',
    });
  });
});
