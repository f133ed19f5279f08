import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftArea, draftKey, sessionDrafts } from '../../../lib/notebook/note-drafts';

beforeEach(() => fakeBrowser.reset());

describe('note drafts in session storage', () => {
  it('keeps one draft per name, whatever its case, until it is forgotten', async () => {
    await sessionDrafts('person', 'Jens Stoltenberg').write({ body: 'Met him in Oslo' });
    expect(await sessionDrafts('person', 'jens stoltenberg ').read()).toEqual({ body: 'Met him in Oslo' });
    expect(await sessionDrafts('org', 'Jens Stoltenberg').read()).toBeNull();
    expect(await fakeBrowser.storage.session.get(draftKey('person', 'Jens Stoltenberg'))).toEqual({
      [draftKey('person', 'Jens Stoltenberg')]: { body: 'Met him in Oslo' },
    });
    await sessionDrafts('person', 'Jens Stoltenberg').write(null);
    expect(await sessionDrafts('person', 'Jens Stoltenberg').read()).toBeNull();
  });

  it('reads a stored value that is not a draft as none', async () => {
    await fakeBrowser.storage.session.set({ [draftKey('place', 'Oslo')]: { body: 42 } });
    expect(await sessionDrafts('place', 'Oslo').read()).toBeNull();
  });

  it('never rejects: a storage that fails, or none at all, only means no kept draft', async () => {
    const failing = {
      get: async () => {
        throw new Error('gone');
      },
      set: async () => {
        throw new Error('QuotaExceededError');
      },
      remove: async () => undefined,
    };
    const drafts = sessionDrafts('place', 'Oslo', failing as never);
    await expect(drafts.write({ body: 'x' })).resolves.toBeUndefined();
    await expect(drafts.read()).resolves.toBeNull();
    const none = sessionDrafts('place', 'Oslo', null);
    await expect(none.write({ body: 'x' })).resolves.toBeUndefined();
    await expect(none.read()).resolves.toBeNull();
  });
});

describe('note drafts in a private window', () => {
  it('are not kept in session storage (Chrome shares it with normal windows)', async () => {
    const ext = fakeBrowser.extension as { inIncognitoContext?: boolean };
    const before = ext.inIncognitoContext;
    ext.inIncognitoContext = true;
    try {
      expect(draftArea()).toBeNull();
      await sessionDrafts('person', 'Jens Stoltenberg').write({ body: 'private thought' });
      expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    } finally {
      ext.inIncognitoContext = before;
    }
    expect(draftArea()).not.toBeNull();
  });
});
