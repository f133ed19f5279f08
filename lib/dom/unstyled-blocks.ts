/**
 * Blocks read before the page had computed its styles (before its first frame, see text-blocks'
 * ScanOptions.styled): they were not checked for `display: none` when read, so they are checked
 * once the frame has come, before any of their names is marked.
 */
import type { BackgroundReplies } from '../messaging/protocol';
import { isBlock, isHidden } from './skip';
import type { TextBlock } from './text-blocks';

type SpotReply = BackgroundReplies['spotBlocks'];

/**
 * True when a block flagged `unstyled` is not shown: its element or a block-level ancestor has
 * `display: none` (what the scan skips once styles exist). `checked` caches answers per element
 * across the blocks of one batch. Call it only after the page's first frame.
 */
export function hiddenBlock(block: TextBlock, checked = new Map<Element, boolean>()): boolean {
  if (!block.unstyled) return false;
  const seenOnPath: Element[] = [];
  let hidden = false;
  for (let el: Element | null = block.element; el; el = el.parentElement) {
    const known = checked.get(el);
    if (known !== undefined) {
      hidden = known;
      break;
    }
    seenOnPath.push(el);
    if (isBlock(el) && isHidden(el)) {
      hidden = true;
      break;
    }
  }
  // Every element on the path shares the answer of the nearest hidden one above it, if any.
  for (const el of seenOnPath) checked.set(el, hidden);
  return hidden;
}

/**
 * A reply without the spans of blocks that turn out hidden (read before the page had styles: see
 * marking.ts's ScanAndMarkOptions.firstFrame), nor their counts; those blocks are flagged `hidden`.
 */
export function withoutHidden(batch: TextBlock[], reply: SpotReply): SpotReply {
  const checked = new Map<Element, boolean>();
  const hidden = new Set<number>();
  batch.forEach((b, i) => {
    if (hiddenBlock(b, checked)) {
      b.hidden = true;
      hidden.add(i);
    }
  });
  if (hidden.size === 0) return reply;
  const dropped = new Map<string, number>();
  const spans = reply.spans.filter((s) => {
    if (!hidden.has(s.block)) return true;
    dropped.set(s.entityKey, (dropped.get(s.entityKey) ?? 0) + 1);
    return false;
  });
  const entities = reply.entities
    .map((e) => ({ ...e, count: e.count - (dropped.get(e.key) ?? 0) }))
    .filter((e) => e.count > 0);
  return { entities, spans };
}
