import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { ScanWholePage } from '../../../entrypoints/popup/ScanWholePage';
import type { PopupDeps } from '../../../entrypoints/popup/deps';
import type { PageState } from '../../../lib/messaging/protocol';

afterEach(cleanup);

const scanned: PageState = {
  url: 'https://example.com/',
  title: 'Front page',
  entities: [{ key: 'organization:nato', name: 'Nato', kind: 'organization', aliases: ['Nato'], count: 2 }],
};

/** Just the deps the button uses; the rest are never called. */
function deps(reply: Awaited<ReturnType<PopupDeps['sendToTab']>>) {
  const sendToTab = vi.fn(async () => reply);
  const findTab = vi.fn(async () => ({ id: 7 }));
  return { d: { sendToTab, findTab } as unknown as PopupDeps, sendToTab };
}

describe('popup: Scan the whole page', () => {
  it('asks the tab to scan its body and hands back the names it marked', async () => {
    const { d, sendToTab } = deps({ ok: true, value: scanned });
    const onScanned = vi.fn();
    render(<ScanWholePage deps={d} onScanned={onScanned} />);
    fireEvent.click(screen.getByRole('button', { name: 'Scan the whole page' }));
    await vi.waitFor(() => expect(onScanned).toHaveBeenCalledWith(7, scanned));
    expect(sendToTab).toHaveBeenCalledWith(7, 'scanWholePage', {});
  });

  it('says so when the page could not be scanned', async () => {
    const { d } = deps({ ok: false, error: 'no content script' });
    const onScanned = vi.fn();
    render(<ScanWholePage deps={d} onScanned={onScanned} />);
    fireEvent.click(screen.getByRole('button', { name: 'Scan the whole page' }));
    expect((await screen.findByRole('alert')).textContent).toContain('no content script');
    expect(onScanned).not.toHaveBeenCalled();
  });
});
