/**
 * The marks' highlights: one Highlight per entity kind, registered in CSS.highlights as
 * `backstory-<kind>` when first needed.
 */
import type { EntityKind } from '../entity';
import { highlightApi, type HighlightLike } from './highlight-api';
import { HIGHLIGHT_PREFIX } from './highlight-css';
import type { Mark } from './highlights';
import type { WindowTarget } from './mark-window';

/** Each kind's Highlight, and the marks' ranges shown in and hidden from them. */
export class KindHighlights implements WindowTarget {
  private readonly byKind = new Map<EntityKind, HighlightLike>();

  /** The kind's highlight, if one was made. */
  get(kind: EntityKind): HighlightLike | undefined {
    return this.byKind.get(kind);
  }

  /** The kind's highlight, made and registered on first use. */
  of(kind: EntityKind): HighlightLike | undefined {
    let h = this.byKind.get(kind);
    const a = h ? null : highlightApi();
    if (a) {
      h = a.create();
      this.byKind.set(kind, h);
      a.registry.set(HIGHLIGHT_PREFIX + kind, h);
    }
    return h;
  }

  /** Adds the marks' ranges to their kinds' highlights. */
  show(marks: readonly Mark[]): void {
    for (const m of marks) this.of(m.kind)?.add(m.range);
  }

  /** Takes the marks' ranges out of their kinds' highlights. */
  hide(marks: readonly Mark[]): void {
    for (const m of marks) this.byKind.get(m.kind)?.delete(m.range);
  }

  /** Empties every highlight made so far; they stay registered. */
  empty(): void {
    for (const h of this.byKind.values()) h.clear();
  }

  /** Unregisters every highlight made so far and forgets them. */
  clear(): void {
    const a = highlightApi();
    for (const kind of this.byKind.keys()) a?.registry.delete(HIGHLIGHT_PREFIX + kind);
    this.byKind.clear();
  }
}
