/**
 * The marks and keyboard navigator of a page, made when the content script starts (document_start)
 * so that their stylesheets can be adopted before the page's first frame.
 */
import { Marks } from './highlights';
import { MarkNavigator } from './keyboard-nav';
import { hasPainted } from './scheduler';

/** A page's marks and keyboard navigator, made before its article is looked for. */
export interface PreparedMarks {
  marks: Marks;
  nav: MarkNavigator;
}

/**
 * Makes the marks and navigator of `doc` and, when the page has not painted yet, adopts their
 * stylesheets now. Adopting a stylesheet restyles the whole document: before the first frame that
 * costs nothing (the frame styles the page with it anyway), after it it is a long task (44 ms on
 * bbc-1, 50 ms on the 200,000-word page, traced). So the content script calls this at
 * document_start, and a page that already painted gets the sheets with its first marks instead.
 * A page without an article, or a site turned off, loses them again (`unprepareMarks`).
 */
export function prepareMarks(doc: Document): PreparedMarks {
  const marks = new Marks(doc);
  const nav = new MarkNavigator(doc, (kind) => marks.highlightFor(kind));
  if (!hasPainted(doc)) {
    marks.prepare();
    nav.prepare();
  }
  return { marks, nav };
}

/** Takes the prepared stylesheets off the page again when no mark was added (no article, site off). */
export function unprepareMarks({ marks, nav }: PreparedMarks): void {
  if (marks.size > 0) return;
  marks.clear();
  nav.dispose();
}
