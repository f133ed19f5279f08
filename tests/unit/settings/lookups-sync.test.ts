import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLookupSettings } from '@/lib/lookup/settings';
import { parseSettings } from '@/lib/settings/schema';
import { readSettings, SETTINGS_KEY, writeSettings } from '@/lib/settings/store';

beforeEach(() => fakeBrowser.reset());

describe('look-ups switch across storage areas', () => {
  it('look-ups turned off on another device (arriving by storage.sync) stop look-ups here', async () => {
    await writeSettings({ lookups: true }, undefined, () => 1000);
    // The reader's other browser turns look-ups off; sync brings the newer copy.
    await fakeBrowser.storage.sync.set({
      [SETTINGS_KEY]: { ...parseSettings({}), lookups: false, updatedAt: 5000 },
    });
    // The options page and onboarding now say "off"...
    expect((await readSettings()).lookups).toBe(false);
    // ...but the look-up code reads storage.local `lookups` (lib/lookup/settings.ts:47), still true:
    // names keep going to Wikipedia against the reader's choice.
    expect((await readLookupSettings()).enabled).toBe(false);
  });
});
