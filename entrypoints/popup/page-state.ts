import type { PageState, Result, TabReplies } from '../../lib/messaging/protocol';
import type { PopupDeps } from './deps';

/** What the popup knows about its tab. */
export type View =
  | { s: 'loading' }
  | { s: 'failed'; message: string }
  | { s: 'notRunning'; tabId: number; busy: boolean; error?: string }
  | { s: 'noArticle'; title: string }
  /**
   * `settled`: done asking again; until then an empty list means "still looking", not "no names".
   * `polls`: how often it was asked again (see refresh).
   */
  | { s: 'list'; tabId: number; page: PageState; settled?: boolean; polls?: number };

// The content script may answer before its first spotting pass is back: poll a little.
const POLL_MS = 250;
export const EMPTY_RETRIES = 4;
const INJECT_RETRIES = 16;
/**
 * A page that still answers with no names once the list shows, or says it is still marking, is
 * asked again this many times (about 10 s): it may still be loading, its article not found yet (the
 * content script answers so rather than "no article" until its first search is done).
 */
export const SETTLE_RETRIES = 40;

/**
 * Asks the tab for its page state, retrying while it does not answer (`retryFailure`) or
 * answers with no entities yet. Returns the last answer.
 */
export async function pollPageState(deps: PopupDeps, tabId: number, attempts: number, retryFailure: boolean) {
  let res: Result<TabReplies['getPageState']> = { ok: false, error: 'not asked' };
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await deps.sleep(POLL_MS);
    res = await deps.sendToTab(tabId, 'getPageState', {});
    if (!res.ok ? !retryFailure : 'noArticle' in res.value || res.value.entities.length > 0) break;
  }
  return res;
}

/** Turns a getPageState answer into the view to show. */
export function viewOf(tabId: number, res: Result<TabReplies['getPageState']>): View {
  if (!res.ok) return { s: 'notRunning', tabId, busy: false };
  if ('noArticle' in res.value) return { s: 'noArticle', title: res.value.title };
  // Names, and the page done marking: nothing more will come (see refresh).
  const settled = res.value.entities.length > 0 && res.value.marking !== true;
  return { s: 'list', tabId, page: res.value, ...(settled ? { settled } : {}) };
}

/**
 * One more look at a list that may still change: asked again after POLL_MS. An empty list may mean
 * the page is still loading (its article not found yet); a page still marking (`marking`) has more
 * names to come. Either is asked again up to SETTLE_RETRIES times (about 10 s); then, or once the
 * page is done, the list is settled. A tab that stopped answering (navigated away) leaves the list
 * as it was.
 */
export async function refresh(deps: PopupDeps, view: Extract<View, { s: 'list' }>): Promise<View> {
  await deps.sleep(POLL_MS);
  const res = await deps.sendToTab(view.tabId, 'getPageState', {});
  if (!res.ok) return { ...view, settled: true };
  const next = viewOf(view.tabId, res);
  if (next.s !== 'list') return next;
  const polls = (view.polls ?? 0) + 1;
  return { ...next, polls, settled: next.settled === true || polls >= SETTLE_RETRIES };
}

/**
 * Runs the content script on the tab once (activeTab) and waits for it to answer. Returns the
 * view to show, with a message saying why when the browser refused or the script never started.
 */
export async function injectAndPoll(deps: PopupDeps, tabId: number): Promise<View> {
  try {
    await deps.injectContentScript(tabId);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { s: 'notRunning', tabId, busy: false, error: `The browser did not let Backstory run here (${why}).` };
  }
  const next = viewOf(tabId, await pollPageState(deps, tabId, INJECT_RETRIES, true));
  return next.s === 'notRunning' ? { ...next, error: 'Backstory did not start on this page. Try reloading it.' } : next;
}
