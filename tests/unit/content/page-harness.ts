/**
 * The content script's page controller on a test page: a background that "spots" a few names by
 * plain search, a paragraph maker, and a started page with what the reader would see of it (the
 * marked text, the names and their counts).
 */
import { afterEach } from 'vitest';
import { startPage } from '../../../entrypoints/article.content/page-controller';
import type { SendFn } from '../../../components/HoverCard';
import type { BlockSpan } from '../../../lib/entity';
import { installHighlights } from '../dom/highlight-stubs';

/** The names the search background knows, with the forms it finds them by. */
export const NAMES = [
  {
    key: 'person:jens stoltenberg',
    name: 'Jens Stoltenberg',
    kind: 'person',
    forms: ['Jens Stoltenberg', 'Stoltenberg'],
  },
  { key: 'organization:nato', name: 'Nato', kind: 'organization', forms: ['Nato'] },
] as const;

/** A sentence of filler, so that a paragraph is long enough to count as article text. */
export const FILLER =
  ' The alliance met in Brussels this week to weigh what comes next for Europe, and ministers spoke at length about budgets, troops and the long winter ahead.';

/** A paragraph that starts with `s`. */
export const para = (s: string): string => `<p>${s}${FILLER}</p>`;

/** A message the page sent the background. */
export interface Sent {
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: payloads of every message type
  payload: any;
}

/**
 * A background that spots NAMES by plain search and records every message; `more` answers the
 * other message types (default: an error, as a background without them would give).
 */
export function searchBackground(more?: (type: string, payload: Sent['payload']) => unknown): {
  send: SendFn;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  const send = (async (type: string, payload: Sent['payload']) => {
    sent.push({ type, payload });
    if (type !== 'spotBlocks') return more ? more(type, payload) : { ok: false, error: 'not in this test' };
    const spans: BlockSpan[] = [];
    const counts = new Map<string, number>();
    (payload.blocks as string[]).forEach((text, block) => {
      for (const n of NAMES)
        for (const m of text.matchAll(new RegExp(`\\b(${n.forms.join('|')})\\b`, 'g'))) {
          spans.push({ block, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, entityKey: n.key });
          counts.set(n.key, (counts.get(n.key) ?? 0) + 1);
        }
    });
    const entities = NAMES.filter((n) => counts.has(n.key)).map((n) => ({
      key: n.key,
      name: n.name,
      kind: n.kind,
      aliases: [...n.forms],
      count: counts.get(n.key) ?? 0,
    }));
    return { ok: true, value: { entities, spans } };
  }) as unknown as SendFn;
  return { send, sent };
}

/** The text under every registered highlight range. */
export function markedTexts(registry: Map<string, Set<AbstractRange>>): string[] {
  return [...registry.values()]
    .flatMap((h) => [...h])
    .map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
}

let stop = (): void => {};
afterEach(() => {
  stop();
  stop = () => {};
  document.body.innerHTML = '';
});

/**
 * Puts `html` in the page's body and starts the page controller on it with `send` (stopped after
 * the test). Resolves once the first look is done, with the page and what the reader sees.
 */
export async function startOnPage(html: string, send: SendFn) {
  const stub = installHighlights();
  const ctl = new AbortController();
  stop = () => {
    ctl.abort();
    stub.uninstall();
  };
  document.body.innerHTML = html;
  const page = startPage(document, send, ctl.signal, { loadUi: () => new Promise(() => {}) });
  await page.done;
  /** The text under every registered mark, sorted. */
  const marked = () => markedTexts(stub.registry).sort();
  /** "Name:count" of every name the page lists, sorted. */
  const counts = () => {
    const state = page.getPageState();
    return 'entities' in state ? state.entities.map((e) => `${e.name}:${e.count}`).sort() : [];
  };
  return { page, marked, counts, stop: () => ctl.abort() };
}
