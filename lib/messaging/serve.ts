/**
 * Receiving typed messages. One generic router serves both sides: the background worker
 * (backgroundSchemas) and the content script (tabSchemas). It registers ONE
 * runtime.onMessage listener, ignores anything that is not a Backstory envelope of a known
 * type, checks who sent it, validates the payload and replies with a Result through
 * `sendResponse(result); return true;` (a returned Promise is dropped by some browsers' shims).
 */
import * as v from 'valibot';
import { describeIssue } from '../validation-message';
import { browser, type Browser } from 'wxt/browser';
import {
  backgroundSchemas,
  tabSchemas,
  type BackgroundReplies,
  type Envelope,
  type Result,
  type TabReplies,
} from './protocol';
import type { Note } from '../db/records';

export type Sender = Browser.runtime.MessageSender;
type Schemas = Record<string, v.GenericSchema>;

/** Handles one message type: gets the validated payload and the sender, returns a Result. */
export type Handler<S extends v.GenericSchema, R> = (
  payload: v.InferOutput<S>,
  sender: Sender,
) => Promise<Result<R>> | Result<R>;

/** One handler per message type of a schema table. */
export type Handlers<S extends Schemas, R extends { [K in keyof S]: unknown }> = {
  [K in keyof S]: Handler<S[K], R[K]>;
};

/** Returns null when the sender may use this router, or the reason it may not. */
export type SenderPolicy = (sender: Sender, type: string) => string | null;

/** A runtime.onMessage listener. */
export type MessageListener = (
  message: unknown,
  sender: Sender,
  sendResponse: (reply: unknown) => void,
) => true | undefined;

/** True when `message` is a Backstory envelope. */
export function isEnvelope(message: unknown): message is Envelope {
  return (
    !!message &&
    typeof message === 'object' &&
    (message as Envelope).backstory === 1 &&
    typeof (message as Envelope).type === 'string'
  );
}

/**
 * Builds the listener for a schema table and its handlers. Invalid payloads get
 * { ok: false, error: 'Invalid <type>: <issue>' } and are logged once per type;
 * a handler that throws becomes an error Result too.
 */
export function createRouter<S extends Schemas, R extends { [K in keyof S]: unknown }>(
  schemas: S,
  handlers: Handlers<S, R>,
  policy: SenderPolicy,
  log: (message: string) => void = (m) => console.warn(m),
): MessageListener {
  const logged = new Set<string>();
  return (message, sender, sendResponse) => {
    if (!isEnvelope(message) || !Object.hasOwn(schemas, message.type)) return undefined;
    const type = message.type as keyof S & string;
    const refused = policy(sender, type);
    if (refused) {
      sendResponse({ ok: false, error: `Backstory refused "${type}": ${refused}.` });
      return true;
    }
    const parsed = v.safeParse(schemas[type] as v.GenericSchema, message.payload);
    if (!parsed.success) {
      const error = `Invalid ${type}: ${describeIssue(parsed.issues)}`;
      if (!logged.has(type)) {
        logged.add(type);
        log(`[Backstory] ${error}`);
      }
      sendResponse({ ok: false, error });
      return true;
    }
    Promise.resolve()
      .then(() => handlers[type](parsed.output, sender))
      .catch(
        (error: unknown): Result<never> => ({
          ok: false,
          error: `Backstory could not handle "${type}": ${error instanceof Error ? error.message : String(error)}`,
        }),
      )
      .then((result) => sendResponse(result));
    return true;
  };
}

/** The extension's own origin, e.g. "chrome-extension://<id>/". */
function extensionOrigin(): string {
  return browser.runtime.getURL('/');
}

/**
 * Messages that rewrite or delete the reader's cards and notes: only the extension's own pages
 * send them (notes are written in the note frame, an extension page, never in the content
 * script), so a content script in a compromised page cannot. findCards too: a content script has
 * no reason to list the reader's cards.
 */
const EXTENSION_PAGES_ONLY = new Set([
  'updateCard',
  'deleteCard',
  'mergeCards',
  'findCards',
  'saveNote',
  'deleteNote',
  'restoreNote',
]);

/** True when `sender` is one of this extension's own pages (popup, options, notebook, note frame). */
export function fromExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(extensionOrigin());
}

/**
 * Background policy: only this extension's content scripts (which always come from a tab)
 * and its own pages (popup, options) may call; other extensions and web pages may not.
 */
export const backgroundSenderPolicy: SenderPolicy = (sender, type) => {
  if (sender.id !== browser.runtime.id) return 'the message came from another extension or a web page';
  // Extension pages opened in a tab (notebook, options) have a tab too: tell them apart by URL.
  if (fromExtensionPage(sender)) return null;
  if (EXTENSION_PAGES_ONLY.has(type)) return "only Backstory's own pages may list, change or delete cards";
  if (sender.tab?.id != null) return null;
  return 'the message came neither from a tab nor from an extension page';
};

/**
 * A card reply as `sender` may see it: the content script shows notes only through the note frame
 * (an extension page that asks for them itself), so note text never enters the page's renderer.
 */
export function notesOnlyForExtensionPages<T extends { notes: Note[] }>(sender: Sender, reply: Result<T>): Result<T> {
  return reply.ok && !fromExtensionPage(sender) ? { ok: true, value: { ...reply.value, notes: [] } } : reply;
}

/** Tab policy: only this extension's own pages and worker may ask the content script. */
export const tabSenderPolicy: SenderPolicy = (sender) => {
  if (sender.id !== browser.runtime.id) return 'the message came from another extension or a web page';
  if (sender.url?.startsWith(extensionOrigin())) return null;
  return 'the message did not come from an extension page';
};

/** Registers `listener` on runtime.onMessage; returns the function that removes it. */
function listen(listener: MessageListener): () => void {
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Serves the background messages (backgroundSchemas) with `handlers`. Returns an unsubscribe function. */
export function serveBackground(
  handlers: Handlers<typeof backgroundSchemas, BackgroundReplies>,
  log?: (message: string) => void,
): () => void {
  return listen(createRouter(backgroundSchemas, handlers, backgroundSenderPolicy, log));
}

/** Serves the tab messages (tabSchemas) in a content script with `handlers`. Returns an unsubscribe function. */
export function serveTab(
  handlers: Handlers<typeof tabSchemas, TabReplies>,
  log?: (message: string) => void,
): () => void {
  return listen(createRouter(tabSchemas, handlers, tabSenderPolicy, log));
}
