/**
 * What Backstory's highlights are called in CSS.highlights and the ::highlight() rules that draw
 * them: the marks of each entity kind, and the keyboard focus ring over one of them.
 */
import { ENTITY_KINDS, type EntityKind } from '../entity';

/** Prefix of every highlight name Backstory registers. */
export const HIGHLIGHT_PREFIX = 'backstory-';

/** Name of the focus-ring highlight in CSS.highlights. */
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}focus`;

/** The look the reader chose (mirrors lib/settings' MarkStyle, kept local so lib/dom stays standalone). */
export type MarkLook = 'underline' | 'background' | 'hover';

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

/**
 * The focus ring's rule, plus the rules that turn every kind's underline into a tint for the
 * "background" look.
 *
 * The ring must read on any page and in any theme: black text on yellow with a thick double
 * underline, so it is not told by colour alone. `!important` beats the kind rules whatever order
 * the adopted sheets end up in.
 */
export function navCss(look: MarkLook): string {
  const ring =
    `::highlight(${FOCUS_HIGHLIGHT}){background-color:#ffd43b !important;color:#000 !important;` +
    'text-decoration-line:underline !important;text-decoration-style:double !important;' +
    'text-decoration-thickness:3px !important;text-decoration-color:#000 !important;}';
  if (look !== 'background') return ring;
  const tints = ENTITY_KINDS.map(
    (k) =>
      `::highlight(${HIGHLIGHT_PREFIX}${k}){text-decoration-line:none !important;background-color:${KIND_COLORS[k]}40 !important;}`,
  );
  return [ring, ...tints].join('\n');
}
