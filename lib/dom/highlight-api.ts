/**
 * The ONE place that detects the CSS Custom Highlight API (CSS.highlights + Highlight). Marks,
 * the keyboard focus ring and the timeline's flash all go through it, so a browser without the
 * API gets the same answer everywhere: nothing marked, nothing thrown.
 */

/** The parts of CSS.highlights (a HighlightRegistry, a Map-like) Backstory uses. */
export interface HighlightRegistry {
  get(name: string): unknown;
  has(name: string): boolean;
  set(name: string, highlight: unknown): void;
  delete(name: string): boolean;
}

/** The parts of a Highlight (a Set of ranges) Backstory uses. */
export interface HighlightLike {
  add(range: AbstractRange): void;
  delete(range: AbstractRange): boolean;
  clear(): void;
  priority?: number;
}

/** The browser's highlight registry and a maker of highlights. */
export interface HighlightApi {
  registry: HighlightRegistry;
  create(...ranges: AbstractRange[]): HighlightLike;
}

/**
 * The Highlight API of `scope` (a window; the current global by default), or null where the
 * browser lacks it.
 */
export function highlightApi(scope: unknown = globalThis): HighlightApi | null {
  const g = scope as {
    CSS?: { highlights?: HighlightRegistry };
    Highlight?: new (...ranges: AbstractRange[]) => HighlightLike;
  };
  const Highlight = g.Highlight;
  const registry = g.CSS?.highlights;
  if (!registry || typeof Highlight !== 'function') return null;
  return { registry, create: (...ranges) => new Highlight(...ranges) };
}
