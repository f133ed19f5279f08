import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { App } from '@/entrypoints/popup/App';
import { fakeDeps, natoPage } from '../popup/fake-deps';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('popup: Notebook button', () => {
  it('opens the notebook page in a new tab', async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const { deps } = fakeDeps({ tab: natoPage });
    render(<App deps={deps} />);
    fireEvent.click(screen.getByRole('button', { name: 'Notebook' }));
    expect(create).toHaveBeenCalledWith({ url: browser.runtime.getURL('/notebook.html') });
    expect(browser.runtime.getURL('/notebook.html')).toMatch(/^chrome-extension:\/\/.+\/notebook\.html$/);
  });
});
