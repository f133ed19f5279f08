import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { backgroundSchemas, type BackgroundReplies } from '@/lib/messaging/protocol';
import {
  createRouter,
  backgroundSenderPolicy,
  serveBackground,
  serveTab,
  type Handlers,
  type Sender,
} from '@/lib/messaging/serve';
import { envelope } from '@/lib/messaging/client';

const fromTab = (): Sender => ({
  id: browser.runtime.id,
  tab: { id: 7, incognito: false } as Sender['tab'],
  url: 'https://news.test/a',
});
const fromPopup = (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });

function handlers(overrides: Partial<Handlers<typeof backgroundSchemas, BackgroundReplies>> = {}) {
  const base: Handlers<typeof backgroundSchemas, BackgroundReplies> = {
    pageStarting: vi.fn(async () => ({ ok: true as const, value: { ready: true as const } })),
    loadCardUi: vi.fn(async () => ({ ok: true as const, value: { injected: true as const } })),
    spotBlocks: vi.fn(async () => ({ ok: true as const, value: { entities: [], spans: [] } })),
    getCard: vi.fn(async () => ({ ok: true as const, value: { card: null, notes: [], seenIn: 0 } })),
    getPageCards: vi.fn(async () => ({ ok: true as const, value: { cards: [] } })),
    createCard: vi.fn(async () => ({ ok: false as const, error: 'nope' })),
    saveNote: vi.fn(async () => ({ ok: false as const, error: 'nope' })),
    deleteNote: vi.fn(async () => ({ ok: true as const, value: { deleted: true } })),
    restoreNote: vi.fn(async () => ({ ok: true as const, value: { restored: true } })),
    chooseArticle: vi.fn(async () => ({ ok: false as const, error: 'nope' })),
    updateCard: vi.fn(async () => ({ ok: false as const, error: 'nope' })),
    deleteCard: vi.fn(async () => ({ ok: false as const, error: 'nope' })),
    mergeCards: vi.fn(async () => ({ ok: false as const, error: 'nope' })),
    findCards: vi.fn(async () => ({ ok: true as const, value: { cards: [] } })),
  };
  return { ...base, ...overrides };
}

/** Delivers `message` to the registered listeners as `sender`; resolves to what they returned and the reply. */
async function deliver(message: unknown, sender: Sender): Promise<{ returned: unknown[]; reply: unknown }> {
  let reply: unknown;
  let replied!: () => void;
  const gotReply = new Promise<void>((resolve) => (replied = resolve));
  const returned: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, sender, (r: unknown) => {
    reply = r;
    replied();
  });
  if (returned.includes(true)) await gotReply;
  return { returned, reply };
}

describe('background router', () => {
  beforeEach(() => fakeBrowser.reset());

  it('registers one listener and answers a valid message from a content script with the validated payload', async () => {
    const h = handlers();
    const stop = serveBackground(h);
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
    const { returned, reply } = await deliver(
      envelope('getCard', { name: '  Nato ', kind: 'organization' }),
      fromTab(),
    );
    expect(returned).toEqual([true]);
    expect(reply).toEqual({ ok: true, value: { card: null, notes: [], seenIn: 0 } });
    expect(h.getCard).toHaveBeenCalledWith(
      { name: 'Nato', kind: 'organization', aliases: [] },
      expect.objectContaining({ id: browser.runtime.id }),
    );
    stop();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });

  it('accepts the extension pages (popup) too', async () => {
    serveBackground(handlers());
    const { reply } = await deliver(envelope('deleteNote', { noteId: 'n1' }), fromPopup());
    expect(reply).toEqual({ ok: true, value: { deleted: true } });
  });

  it('ignores anything that is not a Backstory envelope of a known type', async () => {
    const h = handlers();
    serveBackground(h);
    for (const message of [
      null,
      'getCard',
      { type: 'getCard', payload: {} },
      { backstory: 2, type: 'getCard' },
      envelope('dropTables', {}),
    ]) {
      const { returned, reply } = await deliver(message, fromTab());
      expect(returned).toEqual([undefined]);
      expect(reply).toBeUndefined();
    }
    expect(h.getCard).not.toHaveBeenCalled();
  });

  it('refuses other extensions, web pages and senders that are neither a tab nor an extension page', async () => {
    const h = handlers();
    serveBackground(h);
    const senders: Sender[] = [
      { id: 'some-other-extension', tab: { id: 3 } as Sender['tab'], url: 'https://evil.test/' },
      { url: 'https://evil.test/' },
      { id: browser.runtime.id, url: 'https://news.test/no-tab' },
    ];
    for (const sender of senders) {
      const { reply } = await deliver(envelope('getCard', { name: 'Nato', kind: 'organization' }), sender);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Backstory refused "getCard": /) });
    }
    expect(h.getCard).not.toHaveBeenCalled();
    expect(backgroundSenderPolicy(fromTab(), 'getCard')).toBeNull();
  });

  it("lets only the extension's own pages list, change or delete cards and write notes, never a content script", () => {
    const page: Sender = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') };
    const notebookTab: Sender = { ...page, tab: { id: 9 } as Sender['tab'] };
    // The hover card's note frame: an extension page inside a news tab.
    const noteFrame: Sender = {
      id: browser.runtime.id,
      url: browser.runtime.getURL('/note-frame.html'),
      tab: { id: 3 } as Sender['tab'],
      frameId: 7,
    };
    for (const type of [
      'updateCard',
      'deleteCard',
      'mergeCards',
      'findCards',
      'saveNote',
      'deleteNote',
      'restoreNote',
    ]) {
      expect(backgroundSenderPolicy(fromTab(), type)).toMatch(/only Backstory's own pages/);
      expect(backgroundSenderPolicy(page, type)).toBeNull();
      expect(backgroundSenderPolicy(notebookTab, type)).toBeNull();
      expect(backgroundSenderPolicy(noteFrame, type)).toBeNull();
    }
    expect(backgroundSenderPolicy(fromTab(), 'getCard')).toBeNull();
  });

  it('rejects an invalid payload with a clear error and logs once per type', async () => {
    const h = handlers();
    const log = vi.fn();
    serveBackground(h, log);
    const first = await deliver(envelope('getCard', { name: 'Nato', kind: 'country' }), fromTab());
    expect(first.reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^Invalid getCard: kind: Invalid type: Expected \("person"/),
    });
    await deliver(envelope('getCard', { name: '', kind: 'place' }), fromTab());
    const blocks = await deliver(
      envelope('spotBlocks', { blocks: ['ok', 5], page: { url: 'u', title: 't' } }),
      fromTab(),
    );
    expect(blocks.reply).toEqual({ ok: false, error: expect.stringMatching(/^Invalid spotBlocks: blocks\.1: /) });
    expect(log).toHaveBeenCalledTimes(2);
    expect(h.getCard).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an error Result and passes error Results through', async () => {
    serveBackground(handlers({ getCard: async () => Promise.reject(new Error('database closed')) }));
    const thrown = await deliver(envelope('getCard', { name: 'Nato', kind: 'organization' }), fromTab());
    expect(thrown.reply).toEqual({ ok: false, error: 'Backstory could not handle "getCard": database closed' });
    const failed = await deliver(envelope('createCard', { name: 'X', kind: 'person' }), fromTab());
    expect(failed.reply).toEqual({ ok: false, error: 'nope' });
  });

  it('createRouter works for any schema table', async () => {
    const router = createRouter(backgroundSchemas, handlers(), () => null);
    const sendResponse = vi.fn();
    expect(router(envelope('deleteNote', { noteId: 'x' }), {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: { deleted: true } }));
  });
});

describe('tab router', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers extension pages and refuses content scripts and other extensions', async () => {
    const getPageState = vi.fn(async () => ({
      ok: true as const,
      value: { noArticle: true as const, url: 'u', title: 't' },
    }));
    const revealEntity = vi.fn(async ({ key }: { key: string }) => ({
      ok: true as const,
      value: { revealed: key === 'person:jens stoltenberg' },
    }));
    const pageCommand = vi.fn(({ command }: { command: string }) => ({
      ok: true as const,
      value: { done: command === 'next-name' },
    }));
    const getArticleText = vi.fn(() => ({ ok: true as const, value: { blocks: ['x'] } }));
    const revealPassage = vi.fn(({ block }: { block: number }) => ({
      ok: true as const,
      value: { revealed: block === 0 },
    }));
    const scanWholePage = vi.fn(() => ({
      ok: true as const,
      value: { url: 'https://news.test/a', title: 'A', entities: [] },
    }));
    serveTab(
      { getPageState, revealEntity, pageCommand, getArticleText, revealPassage, scanWholePage },
      () => undefined,
    );
    expect((await deliver(envelope('revealPassage', { block: 0, start: 1, end: 4 }), fromPopup())).reply).toEqual({
      ok: true,
      value: { revealed: true },
    });
    expect(
      (await deliver(envelope('revealPassage', { block: -1, start: 0, end: 1 }), fromPopup())).reply,
    ).toMatchObject({ ok: false });
    expect((await deliver(envelope('pageCommand', { command: 'next-name' }), fromPopup())).reply).toEqual({
      ok: true,
      value: { done: true },
    });
    expect((await deliver(envelope('pageCommand', { command: 'rm -rf' }), fromPopup())).reply).toMatchObject({
      ok: false,
    });
    expect((await deliver(envelope('getPageState', {}), fromPopup())).reply).toEqual({
      ok: true,
      value: { noArticle: true, url: 'u', title: 't' },
    });
    expect((await deliver(envelope('revealEntity', { key: 'person:jens stoltenberg' }), fromPopup())).reply).toEqual({
      ok: true,
      value: { revealed: true },
    });
    expect((await deliver(envelope('getPageState', {}), fromTab())).reply).toMatchObject({ ok: false });
    expect(
      (await deliver(envelope('getPageState', {}), { id: 'other', url: 'chrome-extension://other/popup.html' })).reply,
    ).toMatchObject({ ok: false });
    expect((await deliver(envelope('revealEntity', { key: 3 }), fromPopup())).reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^Invalid revealEntity: key: /),
    });
    // Background messages are not the content script's business.
    expect((await deliver(envelope('getCard', { name: 'Nato', kind: 'organization' }), fromPopup())).returned).toEqual([
      undefined,
    ]);
    expect(getPageState).toHaveBeenCalledTimes(1);
  });
});
