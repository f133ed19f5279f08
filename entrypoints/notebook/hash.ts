/**
 * The notebook's address: "#entity=<id>" shows a card's notes, and the worker sends the notebook
 * what it just made ("#note=<id>", "#card=<id>") or why it made nothing ("#error=<why>").
 */

/** The card id in "#entity=<id>" or "#card=<id>" (a card just created), or null for the list of notes. */
export function entityOfHash(hash: string): string | null {
  const m = /^#(?:entity|card)=(.+)$/.exec(hash);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

/** What the worker sent the notebook to show: a note or card just made, or why nothing was. */
export interface Capture {
  note?: string;
  card?: string;
  error?: string;
}

/**
 * What "#note=<id>" (a quote just saved), "#card=<id>" (a card just created from the context
 * menu) or "#error=<message>" (a failed capture) says.
 */
export function captureOfHash(hash: string): Capture {
  const m = /^#(note|card|error)=(.+)$/.exec(hash);
  if (!m?.[2]) return {};
  try {
    return { [m[1] as keyof Capture]: decodeURIComponent(m[2]) };
  } catch {
    return {};
  }
}

/** The status, and the link to a new tab, for a capture held back by a draft. */
export function heldText(held: Capture): { status: string; link: string; hash: string } | null {
  if (held.note)
    return {
      status: 'Quote saved. Your unsaved note stays open here.',
      link: 'Open the new quote in a new tab',
      hash: `#note=${encodeURIComponent(held.note)}`,
    };
  if (held.card)
    return {
      status: 'Card created. Your unsaved note stays open here.',
      link: 'Open the new card in a new tab',
      hash: `#card=${encodeURIComponent(held.card)}`,
    };
  return null;
}
