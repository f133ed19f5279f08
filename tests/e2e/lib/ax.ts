/**
 * Accessibility-tree helpers over CDP. The hover card lives in a CLOSED shadow root, which page-world
 * DOM queries and Playwright locators cannot see, but the accessibility tree (what a screen reader
 * gets) does: tests find the card the way an assistive technology user would.
 */
import type { CDPSession, Page } from 'playwright-core';
import { type WaitOptions, waitFor } from './wait';

export interface AxNode {
  nodeId: string;
  role: string;
  name: string;
  ignored: boolean;
  childIds: string[];
  backendDOMNodeId?: number;
}

export interface AxTree {
  nodes: Map<string, AxNode>;
  roots: AxNode[];
}

export interface AxQuery {
  role: string;
  name?: string | RegExp;
}

interface RawAxValue {
  value?: unknown;
}
interface RawAxNode {
  nodeId: string;
  ignored: boolean;
  role?: RawAxValue;
  name?: RawAxValue;
  childIds?: string[];
  parentId?: string;
  backendDOMNodeId?: number;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** One CDP session per page, reused. */
export function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** Reads the full accessibility tree of the page's main frame. */
export async function axTree(page: Page): Promise<AxTree> {
  const session = await cdp(page);
  const { nodes: raw } = (await session.send('Accessibility.getFullAXTree')) as { nodes: RawAxNode[] };
  const nodes = new Map<string, AxNode>();
  const roots: AxNode[] = [];
  for (const r of raw) {
    const node: AxNode = {
      nodeId: r.nodeId,
      role: String(r.role?.value ?? ''),
      name: String(r.name?.value ?? ''),
      ignored: r.ignored,
      childIds: r.childIds ?? [],
      backendDOMNodeId: r.backendDOMNodeId,
    };
    nodes.set(node.nodeId, node);
    if (!r.parentId) roots.push(node);
  }
  return { nodes, roots };
}

function matches(node: AxNode, query: AxQuery): boolean {
  if (node.ignored || node.role !== query.role) return false;
  if (query.name === undefined) return true;
  return typeof query.name === 'string' ? node.name.trim() === query.name : query.name.test(node.name);
}

/** Every node in the subtree under `from` (excluding it), depth first, in document order. */
export function descendants(tree: AxTree, from: AxNode): AxNode[] {
  const out: AxNode[] = [];
  const visit = (node: AxNode) => {
    for (const id of node.childIds) {
      const child = tree.nodes.get(id);
      if (!child) continue;
      out.push(child);
      visit(child);
    }
  };
  visit(from);
  return out;
}

/** Nodes matching `query`, anywhere in the tree or under `within`. */
export function findAll(tree: AxTree, query: AxQuery, within?: AxNode): AxNode[] {
  const pool = within ? descendants(tree, within) : tree.roots.flatMap((root) => [root, ...descendants(tree, root)]);
  return pool.filter((node) => matches(node, query));
}

/** The text a screen reader would read inside `node`: its static text, joined. */
export function textOf(tree: AxTree, node: AxNode): string {
  return descendants(tree, node)
    .filter((n) => !n.ignored && (n.role === 'StaticText' || n.role === 'text'))
    .map((n) => n.name)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Short description of what is in the tree, for failure messages. */
export function describeRoles(tree: AxTree, roles = ['dialog', 'alert', 'heading', 'button']): string {
  const found = [...tree.nodes.values()].filter((n) => !n.ignored && roles.includes(n.role));
  return found.map((n) => `${n.role} "${n.name}"`).join(', ') || '(none)';
}

/** Waits until a node matching `query` exists; returns it with the tree it was found in. */
export async function waitForAx(
  page: Page,
  query: AxQuery,
  options: WaitOptions = {},
): Promise<{ tree: AxTree; node: AxNode }> {
  let lastTree: AxTree | undefined;
  try {
    return await waitFor(
      `${query.role} "${query.name ?? '*'}" in the accessibility tree`,
      async () => {
        lastTree = await axTree(page);
        const node = findAll(lastTree, query)[0];
        return node ? { tree: lastTree, node } : null;
      },
      options,
    );
  } catch (error) {
    const seen = lastTree ? describeRoles(lastTree) : '(no tree)';
    throw new Error(`${(error as Error).message}\n  accessibility tree has: ${seen}`);
  }
}

/** Waits until no node matches `query`. */
export async function waitForNoAx(page: Page, query: AxQuery, options: WaitOptions = {}): Promise<void> {
  await waitFor(
    `${query.role} "${query.name ?? '*'}" to leave the accessibility tree`,
    async () => findAll(await axTree(page), query).length === 0,
    options,
  );
}

/** The centre of an accessibility node's box in CSS pixels, via its backing DOM node. */
export async function axCenter(page: Page, node: AxNode): Promise<{ x: number; y: number }> {
  if (node.backendDOMNodeId === undefined) throw new Error(`${node.role} "${node.name}" has no DOM node`);
  const session = await cdp(page);
  const { model } = (await session
    .send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })
    .catch((error: Error) => {
      throw new Error(`${node.role} "${node.name}" is no longer on screen (${error.message})`);
    })) as { model: { border: number[] } };
  const q = model.border;
  const xs = [q[0], q[2], q[4], q[6]].map(Number);
  const ys = [q[1], q[3], q[5], q[7]].map(Number);
  return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
}

/**
 * Clicks an accessibility node with the real mouse (works inside closed shadow roots), travelling
 * there in small steps and pausing as a hand would, so hover logic sees the pointer arrive.
 */
export async function clickAx(page: Page, node: AxNode): Promise<void> {
  const { x, y } = await axCenter(page, node);
  await page.mouse.move(x, y, { steps: 8 });
  await page.waitForTimeout(100);
  await page.mouse.click(x, y);
}
