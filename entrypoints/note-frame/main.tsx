/**
 * The hover card's note frame: an extension page the content script puts inside the card's closed
 * shadow root. Its params come in the URL hash (entity, card id, page, token; never note text); it
 * talks to its card only through the background (`noteFrame`), never through window.postMessage.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { uiCss } from '../../components/styles';
import { envelope, sendToBackground } from '../../lib/messaging/client';
import { parseNoteFrameHash } from '../../lib/messaging/note-frame';
import type { NoteFrameEvent, NoteFrameEventType } from '../../lib/messaging/protocol';
import { NoteFrameApp } from './NoteFrameApp';

/** Room around the content, so focus rings at its edges are not cut off by the frame (px). */
// flow-root: the notes' top margin stays inside the measured root instead of collapsing out of it.
const frameCss = `.bs-root.bs-note-frame { display: flow-root; padding: 0 4px 4px; }`;

const style = document.createElement('style');
style.textContent = `${uiCss}\n${frameCss}`;
document.head.append(style);

let token = '';

/** Tells the card something (through the background, which knows which tab this frame is in). */
function notify(event: NoteFrameEventType, extra: Omit<NoteFrameEvent, 'token' | 'event'> = {}): void {
  if (!token) return;
  browser.runtime.sendMessage(envelope('noteFrame', { token, event, ...extra })).catch(() => undefined);
}

/** The band to keep in view: the form around the focus (an open editor with its buttons), or the focus. */
function focusBand(): NoteFrameEvent['reveal'] {
  const el = document.activeElement;
  if (!el || el === document.body) return undefined;
  const r = (el.closest('form') ?? el).getBoundingClientRect();
  return { top: Math.max(0, r.top), bottom: Math.max(0, r.bottom) };
}

let sent = -1;
let queued = false;
/** Reports the content height (once per frame), with the focus band when focus is inside. */
function reportSize(force = false): void {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    const height = Math.ceil(document.getElementById('app')?.getBoundingClientRect().height ?? 0);
    if (height === sent && !force) return;
    sent = height;
    notify('size', { height, reveal: focusBand() });
  });
}

function start(): void {
  const root = document.getElementById('app');
  const parsed = parseNoteFrameHash(location.hash);
  if (!root) return;
  if (!parsed.ok) {
    render(
      <p role="alert" class="bs-root bs-error">
        {parsed.error}
      </p>,
      root,
    );
    return;
  }
  token = parsed.value.token;
  render(<NoteFrameApp params={parsed.value} send={sendToBackground} onChanged={() => notify('changed')} />, root);
}

start();
// The card shows this frame only once an event with its token arrives. Until then Chromium may
// throttle the hidden frame's rendering, and with it requestAnimationFrame and ResizeObserver, so
// the first word goes out now, without waiting for a frame.
const firstHeight = Math.ceil(document.getElementById('app')?.getBoundingClientRect().height ?? 0);
if (firstHeight > 0) sent = firstHeight;
notify('size', firstHeight > 0 ? { height: firstHeight } : {});
new ResizeObserver(() => reportSize()).observe(document.getElementById('app') as HTMLElement);
// Focus moving inside (Tab, an editor opening) may need the card to scroll it into view.
document.addEventListener('focusin', () => reportSize(true));
// Escape closes the card, as it does anywhere in it; the note editor keeps its own Escape (cancel).
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !e.defaultPrevented && !e.isComposing) notify('close');
});
