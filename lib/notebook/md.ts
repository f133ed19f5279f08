/**
 * Light Markdown for note bodies, parsed by hand into a small tree (no HTML anywhere): emphasis,
 * strong, inline code, links (http, https and mailto only), bullet and numbered lists,
 * paragraphs with their line breaks. Anything else, "<script>" included, stays literal text.
 * components/NoteBody.tsx turns the tree into Preact elements; it is small enough for the
 * content script's hover-card bundle.
 */

export type MdInline =
  | { t: 'text'; v: string }
  | { t: 'br' }
  | { t: 'code'; v: string }
  | { t: 'em' | 'strong'; c: MdInline[] }
  | { t: 'link'; href: string; c: MdInline[] };

export type MdBlock =
  | { t: 'p'; c: MdInline[] }
  | { t: 'ul'; items: MdInline[][] }
  | { t: 'ol'; start: number; items: MdInline[][] };

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBER = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;

/** `href` when it is an http(s) or mailto URL, else null (javascript:, data:, relative…). */
export function safeLink(href: string): string | null {
  const raw = href.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(raw)) return null;
  try {
    const url = new URL(raw);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Where the run of `delim` starting at or after `from` closes in `s`, or -1. */
function closing(s: string, delim: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(delim, i)) {
      // A single * must not be half of a **, and the closing mark must follow a non-space.
      if (delim.length === 1 && s[i + 1] === delim) {
        i++;
        continue;
      }
      if (i > from && s[i - 1] !== ' ') return i;
    }
  }
  return -1;
}

/** Deepest nesting of emphasis and links; deeper marks stay literal text. */
const MAX_DEPTH = 16;

/**
 * Inline Markdown of one paragraph or list item (`\n` becomes a line break). Linear in the text:
 * a search for a closing mark that failed is not repeated from further on ("*a *a *a…" in a long
 * imported note would otherwise be quadratic, on the page's main thread in the hover card).
 */
export function parseInline(s: string, inLink = false, depth = 0): MdInline[] {
  const out: MdInline[] = [];
  let buf = '';
  /** Per closing mark, the smallest start from which it was searched for and not found. */
  const failed = new Map<string, number>();
  const find = (delim: string, from: number): number => {
    if ((failed.get(delim) ?? Number.POSITIVE_INFINITY) <= from) return -1;
    const at = delim === '`' ? s.indexOf('`', from) : closing(s, delim, from);
    if (at < 0) failed.set(delim, Math.min(from, failed.get(delim) ?? from));
    return at;
  };
  const flush = () => {
    if (buf) out.push({ t: 'text', v: buf });
    buf = '';
  };
  for (let i = 0; i < s.length; ) {
    const ch = s[i] as string;
    if (ch === '\\' && i + 1 < s.length && /[\\`*_[\]()#+\-.!<>]/.test(s[i + 1] as string)) {
      buf += s[i + 1];
      i += 2;
    } else if (ch === '\n') {
      flush();
      out.push({ t: 'br' });
      i++;
    } else if (ch === '`') {
      const end = find('`', i + 1);
      if (end < 0) {
        buf += ch;
        i++;
        continue;
      }
      flush();
      out.push({ t: 'code', v: s.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === '[' && !inLink && depth < MAX_DEPTH) {
      const close = find(']', i + 1);
      const m = close > 0 ? /^\(\s*<?([^\s()<>]*)>?\s*\)/.exec(s.slice(close + 1)) : null;
      const href = m ? safeLink(m[1] ?? '') : null;
      if (!m) {
        buf += ch;
        i++;
        continue;
      }
      flush();
      const label = parseInline(s.slice(i + 1, close), true, depth + 1);
      // A link to anything but http(s)/mailto keeps its words and loses its target.
      if (href) out.push({ t: 'link', href, c: label });
      else out.push(...label);
      i = close + 1 + (m[0]?.length ?? 0);
    } else if ((ch === '*' || ch === '_') && s[i + 1] !== ' ' && depth < MAX_DEPTH) {
      const double = s[i + 1] === ch;
      const delim = double ? ch + ch : ch;
      // "_" inside a word (snake_case) is not emphasis.
      const intraword = ch === '_' && /\w/.test(s[i - 1] ?? '');
      const end = intraword ? -1 : find(delim, i + delim.length);
      if (end < 0) {
        buf += delim;
        i += delim.length;
        continue;
      }
      flush();
      out.push({ t: double ? 'strong' : 'em', c: parseInline(s.slice(i + delim.length, end), inLink, depth + 1) });
      i = end + delim.length;
    } else {
      buf += ch;
      i++;
    }
  }
  flush();
  return out;
}

/** A note body as blocks: paragraphs (split by blank lines) and lists. */
export function parseMarkdown(body: string): MdBlock[] {
  const blocks: MdBlock[] = [];
  let para: string[] = [];
  // Written through `as` so TypeScript does not narrow it to null inside the closures below.
  let list = null as { t: 'ul' | 'ol'; start: number; items: string[] } | null;
  const endPara = () => {
    if (para.length) blocks.push({ t: 'p', c: parseInline(para.join('\n')) });
    para = [];
  };
  const endList = () => {
    if (!list) return;
    const items = list.items.map((x) => parseInline(x));
    blocks.push(list.t === 'ul' ? { t: 'ul', items } : { t: 'ol', start: list.start, items });
    list = null;
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const number = bullet ? null : NUMBER.exec(line);
    if (bullet || number) {
      endPara();
      const t = bullet ? 'ul' : 'ol';
      if (list?.t !== t) {
        endList();
        list = { t, start: number ? Number(number[1]) : 1, items: [] };
      }
      list.items.push((bullet ? bullet[1] : number?.[2]) ?? '');
    } else if (line.trim() === '') {
      endPara();
      endList();
    } else if (list && /^\s{2,}\S/.test(line)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1] += `\n${line.trim()}`;
    } else {
      endList();
      para.push(line);
    }
  }
  endPara();
  endList();
  return blocks;
}

/** The body as plain text (Markdown marks dropped), for names and previews. */
export function plainText(nodes: readonly MdInline[]): string {
  return nodes.map((n) => (n.t === 'text' || n.t === 'code' ? n.v : n.t === 'br' ? ' ' : plainText(n.c))).join('');
}
