/**
 * Which marks cover text of a given text node: the index hit-testing uses to go from a caret
 * position to the marks under it.
 */
import type { Mark } from './highlights';

/** An index from text node to the marks that cover part of its text. */
export class MarkNodeIndex {
  private readonly byNode = new Map<Text, Mark[]>();

  /** Indexes `mark` under each text node it covers. */
  add(mark: Mark): void {
    for (const p of mark.pieces) {
      const list = this.byNode.get(p.node);
      if (list) list.push(mark);
      else this.byNode.set(p.node, [mark]);
    }
  }

  /** Takes `gone` out of the index; a node left with no mark is forgotten. */
  remove(gone: ReadonlySet<Mark>): void {
    for (const m of gone)
      for (const p of m.pieces) {
        const list = this.byNode.get(p.node)?.filter((x) => !gone.has(x));
        if (list?.length) this.byNode.set(p.node, list);
        else this.byNode.delete(p.node);
      }
  }

  /** True when some mark covers text of `node`. */
  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** Marks whose text covers (node, offset); the end offset counts as inside (caret after last letter). */
  at(node: Node, offset: number): Mark[] {
    const list = this.byNode.get(node as Text);
    if (!list) return [];
    return list.filter((m) => m.pieces.some((p) => p.node === node && p.start <= offset && offset <= p.end));
  }

  /** Forgets every mark. */
  clear(): void {
    this.byNode.clear();
  }
}
