/** Shapes shared by the look-up code, the database and the messages (no runtime code). */

/** An article a name might stand for, offered to the reader when the choice is unsure. */
export interface Candidate {
  /** Wikipedia page title, e.g. "Salisbury, Maryland". */
  title: string;
  description: string;
}

/** A Wikipedia page summary after validation and cleaning (REST /page/summary). */
export interface PageSummary {
  title: string;
  /** "standard", "disambiguation", "no-extract", … */
  type: string;
  description: string;
  extract: string;
  thumbnail?: string;
  pageUrl?: string;
  wikibaseItem?: string;
}

/**
 * What the look-up says about a name, beside (or instead of) its card:
 * - found: the card came from Wikipedia; `candidates` are other articles the name may mean.
 * - ambiguous: several articles fit and none clearly; the reader picks from `candidates`.
 * - missing: Wikipedia has no article for it.
 * - failed: Wikipedia could not be reached (`error` says why); try again later.
 * - pending: still being looked up; ask again shortly. `slow` is set by the card that asked
 *   (never by the background) once it has asked several times: it then offers to ask again.
 * - off: the reader turned look-ups off.
 * - deleted: the reader deleted the card this name led to; it is not fetched again unless
 *   the reader asks (getCard with `retry`).
 */
export type LookupState =
  | { status: 'found'; candidates: Candidate[] }
  | { status: 'ambiguous'; candidates: Candidate[] }
  | { status: 'missing' }
  | { status: 'failed'; error: string }
  | { status: 'pending'; slow?: boolean }
  | { status: 'off' }
  | { status: 'deleted' };
