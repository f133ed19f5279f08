/**
 * Opening the toolbar popup the way the tests can: popup.html in a normal tab, told which tab it is
 * about through `?tab=<id>` (UI-CONTRACT.md), with the tab id read from the extension's worker.
 */
import type { CDPSession, Page } from 'playwright-core';
import { axTree, descendants, findAll } from './ax';
import type { Browser } from './browser';
import { waitFor } from './wait';

const ENTITY_BUTTON = /^(.+), (\d+) mentions?$/;
const KIND_HEADING = /^(People|Organisations|Places|Events)$/;

interface TabLike {
  id?: number;
  url?: string;
}

/** The browser tab id of `page`, asked of the extension's service worker. */
export async function tabIdOf(browser: Browser, page: Page): Promise<number> {
  const worker = browser.worker;
  if (!worker) throw new Error('tabIdOf needs a browser launched with the extension');
  const url = page.url();
  // The page in front is the active tab: the fallback below relies on it.
  await page.bringToFront();
  return waitFor(`the tab id of ${url} from chrome.tabs.query`, async () => {
    const tabs = await worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<TabLike[]> } } }).chrome;
      const all = (await api.tabs.query({})).map((t) => ({ id: t.id, url: t.url }));
      const active = (await api.tabs.query({ active: true, lastFocusedWindow: true })).map((t) => t.id);
      return { all, active };
    });
    const match = tabs.all.find((t) => t.url === url);
    if (match) return match.id;
    // Without host permission for the page its URL is hidden: it is the active tab (brought to front).
    const [active, ...others] = tabs.all.filter((t) => tabs.active.includes(t.id));
    return active && others.length === 0 && active.url === undefined ? active.id : undefined;
  });
}

/**
 * Presses the extension's toolbar button on `page`'s tab, as a reader's click does: the browser
 * grants the extension activeTab on that tab and opens the action popup. (Needs a browser launched
 * with `toolbarButton`.) Playwright does not list the action popup among the context's pages, so it
 * is closed again, as a real one is once the reader looks away; tests use `openPopup`, whose tab
 * shares the grant, since activeTab belongs to the extension and the tab, not to the popup.
 */
export async function pressToolbarButton(browser: Browser, page: Page): Promise<void> {
  const browserContext = browser.context.browser();
  if (!browser.extensionId || !browserContext) throw new Error('pressToolbarButton needs the extension');
  const session = await browserContext.newBrowserCDPSession();
  try {
    await triggerAction(session, browser.extensionId, page);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Presses the button through `session` (a browser-level CDP session) and closes the popup it opens. */
async function triggerAction(session: CDPSession, extensionId: string, page: Page): Promise<void> {
  const targets = async () => (await session.send('Target.getTargets', { filter: [{}] })).targetInfos;
  const tabs = (await targets()).filter((t) => t.type === 'tab' && t.url === page.url());
  if (tabs.length !== 1) throw new Error(`${tabs.length} tabs show ${page.url()}; expected one`);
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  const before = new Set((await targets()).filter((t) => t.url === popupUrl).map((t) => t.targetId));
  // The button is pressed in the window's active tab (the grant goes to no other).
  await page.bringToFront();
  // Runs the action as the toolbar does; a page target is refused ("only on a tab target").
  await session.send('Extensions.triggerAction', { id: extensionId, targetId: tabs[0]?.targetId ?? '' });
  const opened = await waitFor('the action popup to open', async () =>
    (await targets()).find((t) => t.url === popupUrl && !before.has(t.targetId)),
  );
  await session.send('Target.closeTarget', { targetId: opened.targetId });
}

/** Opens the popup for `page`'s tab in a new tab and returns it once its top heading is there. */
export async function openPopup(browser: Browser, page: Page): Promise<Page> {
  const tabId = await tabIdOf(browser, page);
  const popup = await browser.context.newPage();
  // A confirm() before deleting a note is answered "OK", as a reader who meant it would.
  popup.on('dialog', (dialog) => void dialog.accept());
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.getByRole('heading', { level: 1, name: 'Backstory' }).waitFor({ timeout: 10_000 });
  return popup;
}

/** Accessible name of an entity button in the popup list: "Jens Stoltenberg, 4 mentions". */
export function entityButtonName(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, \\d+ mentions?$`);
}

/** Every entity button in the popup, per list, as [name, count] in the order shown (accessible names). */
export async function popupEntityLists(popup: Page): Promise<Array<Array<[string, number]>>> {
  const tree = await axTree(popup);
  const out: Array<Array<[string, number]>> = [];
  for (const list of findAll(tree, { role: 'list' })) {
    const parsed = findAll(tree, { role: 'button', name: ENTITY_BUTTON }, list)
      .map((b) => ENTITY_BUTTON.exec(b.name.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m): [string, number] => [m[1] ?? '', Number(m[2])]);
    if (parsed.length) out.push(parsed);
  }
  return out;
}

/** The popup's entity buttons grouped under the level-2 heading they follow, in the order shown. */
export async function popupGroups(popup: Page): Promise<Map<string, Array<[string, number]>>> {
  const tree = await axTree(popup);
  const groups = new Map<string, Array<[string, number]>>();
  let heading = '(before any heading)';
  for (const root of tree.roots) {
    for (const node of [root, ...descendants(tree, root)]) {
      if (node.ignored) continue;
      if (node.role === 'heading' && KIND_HEADING.test(node.name.trim())) heading = node.name.trim();
      const m = node.role === 'button' ? ENTITY_BUTTON.exec(node.name.trim()) : null;
      if (!m) continue;
      const list = groups.get(heading) ?? [];
      list.push([m[1] ?? '', Number(m[2])]);
      groups.set(heading, list);
    }
  }
  return groups;
}
