import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Onboarding } from '@/entrypoints/onboarding/App';
import { parseSettings } from '@/lib/settings/schema';

afterEach(cleanup);

describe('onboarding when the settings cannot be read', () => {
  it('announces the failure and still offers the look-ups switch', async () => {
    render(
      <Onboarding
        settings={{
          read: () => Promise.reject(new Error('storage unavailable')),
          write: async (p) => ({ ...parseSettings({}), ...p }),
          watch: () => () => undefined,
        }}
        lookupHost={async () => 'en.wikipedia.org'}
        optionsUrl="chrome-extension://id/options.html"
      />,
    );
    // Announced (a screen-reader user hears it), and the page's one control is still there.
    expect((await screen.findByRole('alert')).textContent).toBe('Could not read the settings: storage unavailable');
    expect(screen.getByRole('checkbox', { name: 'Look up names on Wikipedia' })).toBeTruthy();
  });
});
