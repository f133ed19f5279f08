/**
 * The hover card's note frame: the notes part of the card is an extension page in an iframe inside
 * the card's closed shadow root. Playwright lists it among page.frames() (an out-of-process frame),
 * and locators work inside it, unlike inside the closed shadow root around it.
 */
import type { Frame, Page } from 'playwright-core';
import { waitFor } from './wait';

/** True for the note frame's URL (chrome-extension://<dynamic id>/note-frame.html#...). */
export function isNoteFrameUrl(url: string): boolean {
  return /^chrome-extension:\/\/[^/]+\/note-frame\.html/.test(url);
}

/** Waits for the open card's note frame, showing its notes panel ("Add note"), and returns it. */
export async function noteFrame(page: Page, timeout = 15_000): Promise<Frame> {
  const frame = await waitFor(
    'the hover card’s note frame to load',
    () => page.frames().find((f) => isNoteFrameUrl(f.url()) && !f.isDetached()),
    { timeout },
  );
  await frame.getByRole('button', { name: 'Add note' }).waitFor({ timeout });
  return frame;
}

/**
 * Presses Escape with focus in the note frame, where the key closes the card and so removes the
 * frame: the key goes down, the frame is awaited gone, and only then does the key come up (on the
 * page). A whole press() sent its key-up to the frame being torn down and, now and then in CI,
 * waited for it forever (30 s locator timeouts, a 120 s test timeout).
 */
export async function escapeFromNoteFrame(page: Page): Promise<void> {
  await page.keyboard.down('Escape');
  try {
    await waitFor('the note frame to go once Escape closed the card', () =>
      page.frames().every((f) => !isNoteFrameUrl(f.url()) || f.isDetached()),
    );
  } finally {
    await page.keyboard.up('Escape');
  }
}
