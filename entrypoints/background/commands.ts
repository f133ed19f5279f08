/**
 * Keyboard commands (manifest `commands`): the browser delivers them to the worker, which forwards
 * the page ones to the active tab's content script and saves quotes itself (`save-quote`). Shortcuts are browser-level on purpose: keys
 * the content script listened for itself would clash with the news sites' own shortcuts.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '@/lib/messaging/client';
import { PAGE_COMMANDS, type PageCommand, type Result, type TabReplies } from '@/lib/messaging/protocol';

/** The command that saves the selection as a quote-note (handled in the worker, not the page). */
export const SAVE_QUOTE_COMMAND = 'save-quote';

let quoteSaver: ((tabId: number) => Promise<Result<unknown>>) | null = null;

/** Tells runCommand how to carry out `save-quote` (the worker wires quote-capture.ts in). */
export function setQuoteSaver(save: (tabId: number) => Promise<Result<unknown>>): void {
  quoteSaver = save;
}

/** True for the commands the content script carries out. */
export function isPageCommand(command: string): command is PageCommand {
  return (PAGE_COMMANDS as readonly string[]).includes(command);
}

/**
 * Forwards `command` to the content script of `tabId` (the active tab when omitted). Resolves to
 * the page's answer; a tab without Backstory gives { ok: false } and nothing else happens.
 */
export async function runCommand(command: string, tabId?: number): Promise<Result<TabReplies['pageCommand']>> {
  const pageCommand = isPageCommand(command) ? command : null;
  if (!pageCommand && command !== SAVE_QUOTE_COMMAND) return { ok: false, error: `Unknown command "${command}".` };
  let target = tabId;
  if (target === undefined) {
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    target = active?.id;
  }
  if (target === undefined) return { ok: false, error: 'No active tab.' };
  if (!pageCommand) {
    if (!quoteSaver) return { ok: false, error: 'Saving quotes is not ready yet.' };
    const saved = await quoteSaver(target);
    return saved.ok ? { ok: true, value: { done: true } } : saved;
  }
  return sendToTab(target, 'pageCommand', { command: pageCommand }, { timeoutMs: 5_000 });
}

/** Listens for the manifest commands; returns the function that stops listening. */
export function listenForCommands(): () => void {
  const listener = (command: string, tab?: { id?: number }) => {
    runCommand(command, tab?.id)
      .then((r) => {
        if (!r.ok) console.debug(`[Backstory] ${command}: ${r.error}`);
      })
      .catch((error: unknown) => console.debug(`[Backstory] ${command} failed:`, error));
  };
  browser.commands?.onCommand.addListener(listener);
  return () => browser.commands?.onCommand.removeListener(listener);
}
