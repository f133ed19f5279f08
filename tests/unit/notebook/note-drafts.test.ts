import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftKey, sessionDrafts } from '../../../lib/notebook/note-drafts';

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
