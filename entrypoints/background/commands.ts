/**
 * Keyboard commands (manifest `commands`): the browser delivers them to the worker, which forwards
 * the page ones to the active tab's content script. Shortcuts are browser-level on purpose: keys
 * the content script listened for itself would clash with the news sites' own shortcuts.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '@/lib/messaging/client';
import { PAGE_COMMANDS, type PageCommand, type Result, type TabReplies } from '@/lib/messaging/protocol';

/** True for the commands the content script carries out. */
export function isPageCommand(command: string): command is PageCommand {
  return (PAGE_COMMANDS as readonly string[]).includes(command);
}

/**
 * Forwards `command` to the content script of `tabId` (the active tab when omitted). Resolves to
 * the page's answer; a tab without Backstory gives { ok: false } and nothing else happens.
 */
export async function runCommand(command: string, tabId?: number): Promise<Result<TabReplies['pageCommand']>> {
  if (!isPageCommand(command)) return { ok: false, error: `Unknown command "${command}".` };
  let target = tabId;
  if (target === undefined) {
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    target = active?.id;
  }
  if (target === undefined) return { ok: false, error: 'No active tab.' };
  return sendToTab(target, 'pageCommand', { command }, { timeoutMs: 5_000 });
}

/** Listens for the manifest commands; returns the function that stops listening. */
export function listenForCommands(): () => void {
  const listener = (command: string, tab?: { id?: number }) => {
    void runCommand(command, tab?.id).then((r) => {
      if (!r.ok) console.debug(`[Backstory] ${command}: ${r.error}`);
    });
  };
  browser.commands?.onCommand.addListener(listener);
  return () => browser.commands?.onCommand.removeListener(listener);
}
