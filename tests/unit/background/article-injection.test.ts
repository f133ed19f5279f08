import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectArticle, injectCardUi } from '@/entrypoints/background/article-injection';
import type { Sender } from '@/lib/messaging/serve';

describe('injectArticle', () => {
  beforeEach(() => fakeBrowser.reset());

  const execute = () => vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(undefined);

  it("injects the article script at once into the starter's own document", async () => {
    const spy = execute();
    const sender = { tab: { id: 7 }, frameId: 0, documentId: 'doc-1' } as Sender;
    await injectArticle(sender);
    expect(spy).toHaveBeenCalledWith({
      target: { tabId: 7, documentIds: ['doc-1'] },
      files: ['/content-scripts/article.js'],
      injectImmediately: true,
    });
  });

  it('names the frame when the sender has no document id, and injects nothing without a tab', async () => {
    const spy = execute();
    await injectArticle({ tab: { id: 7 }, frameId: 3 } as Sender);
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7, frameIds: [3] } }));
    spy.mockClear();
    await injectArticle({ id: 'ext', url: 'chrome-extension://ext/popup.html' } as Sender);
    expect(spy).not.toHaveBeenCalled();
  });

  it('rejects when the page is gone, for the caller to log', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('No tab with id: 7.'));
    await expect(injectArticle({ tab: { id: 7 }, frameId: 0 } as Sender)).rejects.toThrow('No tab with id: 7.');
  });

  it("injects the card's UI into the asking document, and nothing for a sender that is no page", async () => {
    const spy = execute();
    expect(await injectCardUi({ tab: { id: 7 }, frameId: 0, documentId: 'doc-1' } as Sender)).toBe(true);
    expect(spy).toHaveBeenCalledWith({
      target: { tabId: 7, documentIds: ['doc-1'] },
      files: ['/card-ui.js'],
      injectImmediately: true,
    });
    spy.mockClear();
    expect(await injectCardUi({ id: 'ext', url: 'chrome-extension://ext/popup.html' } as Sender)).toBe(false);
    expect(spy).not.toHaveBeenCalled();
  });
});
