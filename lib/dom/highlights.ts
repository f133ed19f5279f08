/**
 * Marks spans of page text with the CSS Custom Highlight API: one Highlight per entity kind,
 * registered in CSS.highlights as `backstory-<kind>`. The page's DOM is never rewritten (no
 * wrapper elements, no attributes); the only style change is ONE adopted stylesheet holding the
 * ::highlight() rules. Where the API is missing, nothing is marked and nothing throws.
 */
import { ENTITY_KINDS, type EntityKind } from '../entity';
import { highlightApi, type HighlightLike } from './highlight-api';
import { MarkWindow, WINDOW_ABOVE } from './mark-window';
import { liveText, type NodePiece } from './block-ranges';

/** Prefix of every highlight name Backstory registers. */
export const HIGHLIGHT_PREFIX = 'backstory-';

/** One marked mention. */
export interface Mark {
  /** ArticleEntity key, e.g. "person:jens stoltenberg". */
  key: string;
  kind: EntityKind;
  /** A StaticRange where the browser has one (mark-range.ts says why); read geometry through measurable(). */
  range: AbstractRange;
  /** The text-node pieces the range covers (for hit-testing by text position). */
  pieces: NodePiece[];
  /** The page's text under the mark when it was made (prune drops the mark once it differs). */
  text?: string;
}

/**
 * Underline-style marks: a mid-tone colour per kind that reads on white and on black pages, a
 * solid 2px underline (no colour change of the text itself, so the page's contrast is kept) and
 * a faint tint so a mark is findable without relying on colour alone.
 */
export const KIND_COLORS: Record<EntityKind, string> = {
  person: '#d9480f',
  organization: '#1c7ed6',
  place: '#2b8a3e',
  event: '#ae3ec9',
};

/** The ::highlight() rules for every kind. */
export function highlightCss(): string {
  return ENTITY_KINDS.map(
    (k) =>
      `::highlight(${HIGHLIGHT_PREFIX}${k}){text-decoration-line:underline;text-decoration-style:solid;` +
      `text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-color:${KIND_COLORS[k]};` +
      `background-color:${KIND_COLORS[k]}1f;}`,
  ).join('\n');
}

/** True when this browser supports the CSS Custom Highlight API. */
export function highlightsSupported(): boolean {
  return highlightApi() !== null;
}

/** The marks of one page: registered highlights plus an index from text node to marks. */
export class Marks {
  private readonly byNode = new Map<Text, Mark[]>();
  private readonly all: Mark[] = [];
  private readonly highlights = new Map<EntityKind, HighlightLike>();
  private readonly styled = new Set<Document | ShadowRoot>();
  private shadows: ShadowRoot[] = [];
  private sheet: CSSStyleSheet | null = null;
  /** Set once the page has more than WINDOW_ABOVE marks: it registers only those near the viewport. */
  private window: MarkWindow | null = null;
  /** performance.now() of the last add() that brought marks; -1 before any. */
  lastAddedAt = -1;

  constructor(private readonly doc: Document) {}

  /** Adds marks (no-op where the Highlight API is missing). */
  add(marks: Mark[]): void {
    if (!highlightApi()) return;
    if (marks.length > 0) this.lastAddedAt = performance.now();
    this.restyleIfDropped();
    for (const m of marks) {
      this.all.push(m);
      for (const p of m.pieces) {
        const list = this.byNode.get(p.node);
        if (list) list.push(m);
        else this.byNode.set(p.node, [m]);
      }
      // ::highlight rules do not cross shadow boundaries: style each tree that holds a mark.
      const root = m.range.startContainer.getRootNode();
      const shadow = root.nodeType === 11 && (root as ShadowRoot).host ? (root as ShadowRoot) : null;
      if (shadow && !this.shadows.includes(shadow)) this.shadows.push(shadow);
      this.style(shadow ?? this.doc);
    }
    if (this.window) return this.window.track(marks);
    const Observer = (this.doc.defaultView as (Window & typeof globalThis) | null)?.IntersectionObserver;
    if (this.all.length > WINDOW_ABOVE && typeof Observer === 'function') {
      // From now on only marks near the viewport are registered (see mark-window.ts).
      for (const h of this.highlights.values()) h.clear();
      // Every kind's highlight exists before the window shows anything: the navigator (called
      // right after add) then takes the kinds the reader hid out of the registry, and a highlight
      // the window would create later, outside that call, could not show a hidden kind.
      for (const kind of ENTITY_KINDS) this.highlightOf(kind);
      this.window = new MarkWindow({ show: (list) => this.show(list), hide: (list) => this.hide(list) }, Observer);
      this.window.track(this.all);
    } else this.show(marks);
  }

  /**
   * Drops the marks on text the page took away (a re-rendered paragraph, an article cut short) or
   * rewrote in place: they would count, hold the old nodes in memory, answer hit tests forever and
   * open the wrong card. Returns them.
   */
  prune(): Set<Mark> {
    const gone = new Set<Mark>();
    for (const m of this.all)
      if (m.pieces.some((p) => !p.node.isConnected) || (m.text !== undefined && liveText(m.pieces) !== m.text))
        gone.add(m);
    if (gone.size === 0) return gone;
    const kept = this.all.filter((m) => !gone.has(m));
    this.all.length = 0;
    for (const m of kept) this.all.push(m);
    for (const m of gone)
      for (const p of m.pieces) {
        const list = this.byNode.get(p.node)?.filter((x) => !gone.has(x));
        if (list?.length) this.byNode.set(p.node, list);
        else this.byNode.delete(p.node);
      }
    this.hide([...gone]);
    this.window?.forget(gone);
    // A re-rendered web component leaves its old shadow root behind: hit tests stop looking there.
    this.shadows = this.shadows.filter((root) => root.isConnected);
    for (const root of this.styled) if (root !== this.doc && !root.isConnected) this.styled.delete(root);
    return gone;
  }

  /** Marks currently registered in CSS.highlights (all of them, or those near the viewport). */
  get registered(): number {
    return this.window ? this.window.shown : this.all.length;
  }

  private show(marks: readonly Mark[]): void {
    for (const m of marks) this.highlightOf(m.kind)?.add(m.range);
  }

  /** True when some mark covers text of `node`. */
  covers(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** The open shadow roots that hold marks (hit-testing must look inside them). */
  shadowRoots(): ShadowRoot[] {
    return this.shadows;
  }

  /** The kind's highlight, if a mark of that kind was shown. */
  highlightFor(kind: EntityKind): HighlightLike | undefined {
    return this.highlights.get(kind);
  }

  /** The kind's highlight, made and registered on first use. */
  private highlightOf(kind: EntityKind): HighlightLike | undefined {
    let h = this.highlights.get(kind);
    const a = h ? null : highlightApi();
    if (a) {
      h = a.create();
      this.highlights.set(kind, h);
      a.registry.set(HIGHLIGHT_PREFIX + kind, h);
    }
    return h;
  }

  private hide(marks: readonly Mark[]): void {
    for (const m of marks) this.highlights.get(m.kind)?.delete(m.range);
  }

  /**
   * Adopts the sheet again if the page replaced the document's adopted stylesheets since (the sheet
   * is adopted at document_start, and `document.adoptedStyleSheets = [theirs]` drops it).
   */
  private restyleIfDropped(): void {
    if (!this.sheet || !this.styled.has(this.doc)) return;
    try {
      if (this.doc.adoptedStyleSheets.includes(this.sheet)) return;
    } catch {
      return;
    }
    this.styled.delete(this.doc);
    this.style(this.doc);
  }

  /** Adopts the marks' stylesheet in the document now, ahead of any mark (see prepared-marks.ts). */
  prepare(): void {
    if (highlightApi()) this.style(this.doc);
  }

  /** Marks whose text covers (node, offset); the end offset counts as inside (caret after last letter). */
  at(node: Node, offset: number): Mark[] {
    const list = this.byNode.get(node as Text);
    if (!list) return [];
    return list.filter((m) => m.pieces.some((p) => p.node === node && p.start <= offset && offset <= p.end));
  }

  /** Every mark of an entity, in reading order. */
  byKey(key: string): Mark[] {
    return this.all.filter((m) => m.key === key);
  }

  /** Number of marks. */
  get size(): number {
    return this.all.length;
  }

  /** Removes every mark, highlight registration and the adopted stylesheet. */
  clear(): void {
    const a = highlightApi();
    this.window?.dispose();
    this.window = null;
    for (const kind of this.highlights.keys()) a?.registry.delete(HIGHLIGHT_PREFIX + kind);
    this.highlights.clear();
    this.byNode.clear();
    this.all.length = 0;
    this.lastAddedAt = -1;
    for (const root of this.styled) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
      } catch {
        /* the root is gone */
      }
    }
    this.styled.clear();
    this.shadows = [];
  }

  private style(root: Document | ShadowRoot): void {
    if (this.styled.has(root)) return;
    try {
      if (!this.sheet) {
        const Sheet = (this.doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
        this.sheet = new Sheet();
        this.sheet.replaceSync(highlightCss());
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
      this.styled.add(root);
    } catch {
      /* constructable stylesheets missing: marks stay unstyled, nothing breaks */
    }
  }
}
