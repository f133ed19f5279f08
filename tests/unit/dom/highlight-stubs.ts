/**
 * happy-dom has no CSS Custom Highlight API: these stand-ins follow the spec's shapes
 * (HighlightRegistry is a Map of name → Highlight; a Highlight is a Set of ranges).
 */
export class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

/** Installs CSS.highlights and Highlight on globalThis; returns the registry and an uninstall function. */
export function installHighlights(): { registry: Map<string, FakeHighlight>; uninstall: () => void } {
  const g = globalThis as unknown as { CSS?: object; Highlight?: unknown };
  const original = Object.getOwnPropertyDescriptor(g, 'CSS');
  const registry = new Map<string, FakeHighlight>();
  // happy-dom's CSS may be a getter returning a fresh object: replace it with a fixed one.
  const css = Object.assign(Object.create(g.CSS ?? null) as object, { highlights: registry });
  Object.defineProperty(g, 'CSS', { value: css, configurable: true, writable: true });
  g.Highlight = FakeHighlight;
  return {
    registry,
    uninstall() {
      if (original) Object.defineProperty(g, 'CSS', original);
      else delete g.CSS;
      delete g.Highlight;
    },
  };
}

/** happy-dom has no StaticRange: a stand-in with the spec's shape (boundaries fixed at creation). */
export class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}
