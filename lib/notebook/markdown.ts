/** Markdown text of exported entities and pages (pure functions; export.ts zips them). */
import { noteCardIds } from '../db/note-model';
import type { Card, Note } from '../db/records';

type NoteLike = Note;

/** Escapes characters Markdown would read as formatting in a name or title. */
export function mdEscape(s: string): string {
  return s
    .replace(/[\\`*_[\]<>#|~]|&(?=#?\w+;)/g, (c) => `\\${c}`)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text that starts a line (a paragraph, a block quote's words) on one line: mdEscape, and a
 * leading "-", "+", "=" or "1." that would make it a list, a rule or a heading's underline.
 */
function mdLine(s: string): string {
  return mdEscape(s)
    .replace(/^[-+=]/, (c) => `\\${c}`)
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Plain text as Markdown paragraphs: its blank-line breaks kept, each paragraph one escaped line. */
function mdParagraphs(s: string): string {
  return s
    .split(/\n\s*\n/)
    .map(mdLine)
    .filter(Boolean)
    .join('\n\n');
}

/** An http(s) URL as a link destination: `<…>`, with what would end it or break its line percent-encoded. */
function linkTarget(url: string): string {
  return `<${url.replace(/[<>\\\s]/g, encodeURIComponent)}>`;
}

/**
 * "2024-05-01 14:03" in UTC, so the same export reads the same everywhere. A time no Date can
 * hold (a record written before import checked times) reads "unknown date" rather than failing
 * the whole export.
 */
function stamp(ts: number): string {
  const date = new Date(ts);
  return Number.isNaN(date.getTime()) ? 'unknown date' : date.toISOString().slice(0, 16).replace('T', ' ');
}

/** A link to a page, only for http(s) URLs (anything else is shown as text). */
function pageLink(page: { url: string; title: string }): string {
  const title = mdEscape(page.title || page.url);
  return /^https?:\/\//i.test(page.url) ? `[${title}](${linkTarget(page.url)})` : title;
}

/**
 * One note: meta line, optional quote (the page's words, escaped) as a block quote, body as the
 * reader wrote it (their own Markdown, which the notebook shows formatted: lib/notebook/md.ts).
 */
function noteMarkdown(note: NoteLike, about?: string): string {
  const meta = [`*${stamp(note.createdAt)}*`];
  if (note.updatedAt > note.createdAt + 1000) meta.push(`(edited ${stamp(note.updatedAt)})`);
  if (about) meta.push(`on **${mdEscape(about)}**`);
  if (note.page) meta.push(`from ${pageLink(note.page)}`);
  if (note.tags?.length) meta.push(note.tags.map((t) => `#${mdEscape(t.replace(/\s+/g, '-'))}`).join(' '));
  const quote = note.quote ? `> ${mdLine(note.quote.exact)}\n\n` : '';
  return `${meta.join(' ')}\n\n${quote}${note.body.trim()}\n`;
}

/** A card and its notes, newest first. */
export function entityMarkdown(card: Card, notes: readonly NoteLike[]): string {
  const kind = { person: 'Person', organization: 'Organisation', place: 'Place', event: 'Event' }[card.kind];
  const lines = [
    `# ${mdEscape(card.name)}`,
    '',
    `*${kind}*${card.description ? ` — ${mdEscape(card.description)}` : ''}`,
    '',
  ];
  if (card.aliases.length) lines.push(`Also known as: ${card.aliases.map(mdEscape).join(', ')}`, '');
  if (card.summary) lines.push(mdParagraphs(card.summary), '');
  if (card.url && /^https?:\/\//i.test(card.url)) lines.push(`[Read more](${linkTarget(card.url)})`, '');
  lines.push('## Notes', '');
  const sorted = [...notes].sort((a, b) => b.createdAt - a.createdAt);
  if (sorted.length === 0) lines.push('No notes yet.', '');
  for (const note of sorted) lines.push('---', '', noteMarkdown(note));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A file name for `card` that is safe on every file system and unique within `used`. */
export function entityFileName(card: Pick<Card, 'id' | 'name'>, used: Set<string>): string {
  const base =
    card.name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'entity';
  let name = `${base}.md`;
  for (let i = 2; used.has(name); i++) name = `${base}-${i}.md`;
  used.add(name);
  return name;
}

/**
 * Every note grouped by the page it was written on (pages by their latest note, newest
 * first); notes written outside any page come last.
 */
export function pagesMarkdown(notes: readonly NoteLike[], cards: ReadonlyMap<string, Card>, now: Date): string {
  const groups = new Map<string, NoteLike[]>();
  const latest = new Map<string, number>();
  for (const note of notes) {
    const key = note.page?.url ?? '';
    const group = groups.get(key);
    if (group) group.push(note);
    else groups.set(key, [note]);
    latest.set(key, Math.max(latest.get(key) ?? 0, note.createdAt));
  }
  const when = (key: string) => latest.get(key) ?? 0;
  const order = [...groups.entries()].sort(([ka], [kb]) => (ka === '' ? 1 : kb === '' ? -1 : when(kb) - when(ka)));
  const lines = ['# Notes by page', '', `Exported from Backstory on ${stamp(now.getTime())} UTC.`, ''];
  if (notes.length === 0) lines.push('No notes yet.', '');
  for (const [url, group] of order) {
    lines.push(url ? `## ${pageLink(group[0]?.page ?? { url, title: url })}` : '## Not written on a page', '');
    for (const note of [...group].sort((a, b) => b.createdAt - a.createdAt)) {
      const about = noteCardIds(note).map((id) => cards.get(id)?.name ?? 'a deleted card');
      lines.push(noteMarkdown({ ...note, page: undefined }, about.join(', ') || undefined), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
