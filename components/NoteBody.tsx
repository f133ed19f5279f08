import type { ComponentChildren } from 'preact';
import { type MdBlock, type MdInline, parseMarkdown } from '../lib/notebook/md';

/** Inline nodes as Preact children; text stays text (Preact escapes it), links are checked ones. */
function inline(nodes: readonly MdInline[]): ComponentChildren[] {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'br':
        return <br key={i} />;
      case 'code':
        return <code key={i}>{n.v}</code>;
      case 'em':
        return <em key={i}>{inline(n.c)}</em>;
      case 'strong':
        return <strong key={i}>{inline(n.c)}</strong>;
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer">
            {inline(n.c)}
          </a>
        );
      default:
        return null;
    }
  });
}

function block(b: MdBlock, i: number) {
  if (b.t === 'p') return <p key={i}>{inline(b.c)}</p>;
  const items = b.items.map((item, j) => <li key={j}>{inline(item)}</li>);
  return b.t === 'ul' ? (
    <ul key={i}>{items}</ul>
  ) : (
    <ol key={i} start={b.start === 1 ? undefined : b.start}>
      {items}
    </ol>
  );
}

/**
 * A note body rendered from its light Markdown (see lib/notebook/md.ts) as Preact elements:
 * never innerHTML, so "<script>" or an "onerror=" in a note is only ever shown as text.
 */
export function NoteBody({ body, class: cls }: { body: string; class?: string }) {
  return <div class={cls ? `bs-md ${cls}` : 'bs-md'}>{parseMarkdown(body).map(block)}</div>;
}
