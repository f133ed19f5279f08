import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { envelope } from '@/lib/messaging/client';
import {
  type NoteFrameParams,
  noteFrameHash,
  noteFrameSenderError,
  parseNoteFrameHash,
} from '@/lib/messaging/note-frame';
import { cardFrameSchemas, noteFrameSchemas } from '@/lib/messaging/protocol';
import type { Sender } from '@/lib/messaging/serve';
import { relayNoteFrame, serveNoteFrameRelay } from '@/entrypoints/background/note-frame-relay';

const params: NoteFrameParams = {
  token: 'a1b2c3',
  name: 'Jens Stoltenberg',
  kind: 'person',
  aliases: ['Stoltenberg'],
  cardId: 'jens-stoltenberg',
  page: { url: 'https://news.test/nato?x=1#top', title: 'Nato & Russia: “lowest point”' },
};

/** The note frame as the browser reports it: an extension page in a sub-frame of tab 7. */
const fromFrame = (over: Partial<Sender> = {}): Sender => ({
  id: browser.runtime.id,
  tab: { id: 7, incognito: false } as Sender['tab'],
  frameId: 3,
  url: 'chrome-extension://0f1e2d3c-dynamic/note-frame.html#%7B%7D',
  ...over,
});

describe('note frame params', () => {
  it('travel through the URL hash and come back equal', () => {
    const hash = noteFrameHash(params);
    expect(hash.startsWith('#')).toBe(true);
    expect(hash).not.toMatch(/[\s"{}]/); // encoded: safe in a URL
    expect(parseNoteFrameHash(hash)).toEqual({ ok: true, value: params });
    const { cardId: _, ...noCard } = params;
    expect(parseNoteFrameHash(noteFrameHash(noCard))).toEqual({ ok: true, value: noCard });
  });

  it('refuse a malformed or incomplete hash with a message, never a throw', () => {
    for (const hash of ['', '#', '#%E0%A4%A', '#not-json', `#${encodeURIComponent('[1,2]')}`]) {
      const r = parseNoteFrameHash(hash);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/notes frame/);
    }
    const badKind = parseNoteFrameHash(noteFrameHash({ ...params, kind: 'robot' as never }));
    expect(badKind.ok).toBe(false);
    const noToken = parseNoteFrameHash(noteFrameHash({ ...params, token: ' ' }));
    expect(noToken.ok).toBe(false);
  });

  it('carry nothing but the known fields (no note text rides along)', () => {
    const withBody = { ...params, body: 'Secret note' } as NoteFrameParams;
    const r = parseNoteFrameHash(noteFrameHash(withBody));
    expect(r.ok && 'body' in r.value).toBe(false);
  });
});

describe('note frame sender', () => {
  it('is the note frame page in a sub-frame of a tab (Chrome dynamic URL or Firefox)', () => {
    expect(noteFrameSenderError(fromFrame())).toBeNull();
    expect(noteFrameSenderError(fromFrame({ url: 'moz-extension://uuid-1/note-frame.html#x' }))).toBeNull();
  });

  it('is never a top frame, another page, a web page or a worker', () => {
    expect(noteFrameSenderError(fromFrame({ frameId: 0 }))).toMatch(/top frame/);
    expect(noteFrameSenderError(fromFrame({ url: 'https://news.test/note-frame.html' }))).toMatch(
      /only the note frame/,
    );
    expect(noteFrameSenderError(fromFrame({ url: 'chrome-extension://id/popup.html' }))).toMatch(/only the note frame/);
    expect(noteFrameSenderError(fromFrame({ tab: undefined }))).toMatch(/tab/);
    expect(noteFrameSenderError(fromFrame({ url: undefined }))).toMatch(/address/);
  });
});

describe('note frame events', () => {
  const valid = { token: 'a1b2c3', event: 'size', height: 180, reveal: { top: 40, bottom: 120 } };

  it('accept the three events with sizes', () => {
    expect(v.safeParse(noteFrameSchemas.noteFrame, valid).success).toBe(true);
    expect(v.safeParse(cardFrameSchemas.noteFrameEvent, { token: 't', event: 'close' }).success).toBe(true);
    expect(v.safeParse(cardFrameSchemas.noteFrameEvent, { token: 't', event: 'changed' }).success).toBe(true);
  });

  it('refuse unknown events, missing tokens and absurd sizes', () => {
    for (const bad of [
      { ...valid, event: 'typed' },
      { ...valid, token: '' },
      { event: 'close' },
      { ...valid, height: -1 },
      { ...valid, height: Number.POSITIVE_INFINITY },
      { ...valid, height: 1e9 },
      { ...valid, reveal: { top: 'x', bottom: 1 } },
    ])
      expect(v.safeParse(noteFrameSchemas.noteFrame, bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('note frame relay (background)', () => {
  beforeEach(() => fakeBrowser.reset());

  it("forwards the frame's event to its own tab's top frame", async () => {
    const deliver = vi.fn(async () => ({ ok: true, value: { handled: true } }));
    const event = { token: 'a1b2c3', event: 'close' as const };
    expect(await relayNoteFrame(event, fromFrame(), deliver)).toEqual({ ok: true, value: { delivered: true } });
    expect(deliver).toHaveBeenCalledWith(7, envelope('noteFrameEvent', event));
  });

  it('refuses anything but the note frame, and reports a tab that went away', async () => {
    const deliver = vi.fn(async () => ({ ok: true, value: { handled: true } }));
    const event = { token: 't', event: 'close' as const };
    const topFrame = await relayNoteFrame(event, fromFrame({ frameId: 0, url: 'https://news.test/' }), deliver);
    expect(topFrame.ok).toBe(false);
    expect(deliver).not.toHaveBeenCalled();
    const gone = await relayNoteFrame(event, fromFrame(), async () => {
      throw new Error('Could not establish connection');
    });
    expect(gone).toEqual({ ok: false, error: expect.stringContaining('could not be reached') });
    const stale = await relayNoteFrame(event, fromFrame(), async () => ({ ok: true, value: { handled: false } }));
    expect(stale).toEqual({ ok: true, value: { delivered: false } });
  });

  it('serves noteFrame on runtime messages, validating the payload first', async () => {
    const deliver = vi.fn(async () => ({ ok: true, value: { handled: true } }));
    const stop = serveNoteFrameRelay(deliver);
    const ask = async (message: unknown) => {
      let reply: unknown;
      const done = new Promise<void>((resolve) => {
        void fakeBrowser.runtime.onMessage.trigger(message, fromFrame(), (r: unknown) => {
          reply = r;
          resolve();
        });
      });
      await done;
      return reply;
    };
    expect(await ask(envelope('noteFrame', { token: 't', event: 'size', height: 200 }))).toEqual({
      ok: true,
      value: { delivered: true },
    });
    expect(await ask(envelope('noteFrame', { token: 't', event: 'keys', text: 'secret' }))).toEqual({
      ok: false,
      error: expect.stringMatching(/^Invalid noteFrame/),
    });
    expect(deliver).toHaveBeenCalledTimes(1);
    stop();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });
});
