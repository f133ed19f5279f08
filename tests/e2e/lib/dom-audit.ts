/**
 * Proof that the page's own DOM was not rewritten: a MutationObserver installed before any page
 * script records every mutation, and the final DOM is compared node by node with a fresh parse of
 * the same HTML. Only one <backstory-host> added to <html> is allowed.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface MutationEntry {
  /** True when the record was queued while the parser was still building the document. */
  parsing: boolean;
  type: string;
  target: string;
  /** The target is the Backstory host itself. */
  onHost: boolean;
  added: string[];
  removed: string[];
  attribute: string | null;
}

/** Installs the recorder in every page of `context`, before the page's own scripts run. */
export async function installMutationRecorder(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const log: unknown[] = [];
    Object.defineProperty(window, '__backstoryMutations', { value: log });
    const label = (n: Node): string => {
      if (n.nodeType !== Node.ELEMENT_NODE) return n.nodeName;
      const el = n as Element;
      return el.localName + (el.id ? `#${el.id}` : '') + (el.parentElement ? ` in ${el.parentElement.localName}` : '');
    };
    const push = (records: MutationRecord[], parsing: boolean) => {
      for (const r of records)
        log.push({
          parsing,
          type: r.type,
          target: label(r.target),
          onHost: r.target.nodeName === 'BACKSTORY-HOST',
          added: [...r.addedNodes].map((n) => n.nodeName.toLowerCase()),
          removed: [...r.removedNodes].map((n) => n.nodeName.toLowerCase()),
          attribute: r.attributeName,
        });
    };
    const observer = new MutationObserver((records) => push(records, document.readyState === 'loading'));
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    // Whatever is still queued when parsing ends was queued by the parser.
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') push(observer.takeRecords(), true);
    });
  });
}

/** The mutations recorded so far on `page`. */
export async function readMutations(page: Page): Promise<MutationEntry[]> {
  return page.evaluate(() =>
    ((window as unknown as { __backstoryMutations?: MutationEntry[] }).__backstoryMutations ?? []).slice(),
  );
}

/** Mutations after parsing that are not "one backstory-host appended to <html>" or on the host itself. */
export function foreignMutations(entries: MutationEntry[]): MutationEntry[] {
  return entries.filter((e) => {
    if (e.parsing) return false;
    if (e.onHost) return false;
    const hostAdded =
      e.type === 'childList' &&
      e.target === 'html' &&
      e.removed.length === 0 &&
      e.added.length === 1 &&
      e.added[0] === 'backstory-host';
    return !hostAdded;
  });
}

/**
 * Compares the live DOM (ignoring <backstory-host>) with a fresh parse of the page's HTML.
 * Returns null when identical, otherwise a description of the first difference.
 */
export async function diffAgainstSource(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href, { cache: 'no-store' })).text();
    const fresh = new DOMParser().parseFromString(html, 'text/html');
    const kids = (n: Node) => [...n.childNodes].filter((c) => c.nodeName !== 'BACKSTORY-HOST');
    const attrs = (n: Node) =>
      n.nodeType === Node.ELEMENT_NODE
        ? [...(n as Element).attributes]
            .map((a) => `${a.name}=${a.value}`)
            .sort()
            .join(' ')
        : '';
    const compare = (live: Node, want: Node, where: string): string | null => {
      if (live.nodeName !== want.nodeName) return `${where}: ${live.nodeName} where the page has ${want.nodeName}`;
      if (attrs(live) !== attrs(want)) return `${where}: attributes [${attrs(live)}] != [${attrs(want)}]`;
      if (live.nodeType === Node.TEXT_NODE && live.nodeValue !== want.nodeValue)
        return `${where}: text ${JSON.stringify(live.nodeValue?.slice(0, 80))} != ${JSON.stringify(want.nodeValue?.slice(0, 80))}`;
      const a = kids(live);
      const b = kids(want);
      if (a.length !== b.length) return `${where}: ${a.length} child nodes where the page has ${b.length}`;
      for (let i = 0; i < a.length; i++) {
        const diff = compare(a[i] as Node, b[i] as Node, `${where} > ${(b[i] as Node).nodeName.toLowerCase()}[${i}]`);
        if (diff) return diff;
      }
      return null;
    };
    return compare(document.documentElement, fresh.documentElement, 'html');
  });
}

/** How many <backstory-host> elements there are, and whether any exposes an open shadow root. */
export async function hostState(page: Page): Promise<{ hosts: number; parent: string | null; openRoot: boolean }> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('backstory-host');
    const first = hosts[0];
    return {
      hosts: hosts.length,
      parent: first?.parentNode?.nodeName.toLowerCase() ?? null,
      openRoot: [...hosts].some((h) => h.shadowRoot !== null),
    };
  });
}
