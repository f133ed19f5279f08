/**
 * The page a batch of text or a note comes from, as the worker's schema accepts it. A page's own
 * values are cut to fit: one over-long title or address (a #fragment carrying app state) would
 * otherwise make the worker refuse every batch of the page, and nothing would be marked.
 */
import { PAGE_TITLE_MAX_CHARS, PAGE_URL_MAX_CHARS } from '../messaging/protocol';

/**
 * The document's title as a string, read through its prototype's getter: `<img name="title">`
 * makes `document.title` that element, since a document's named elements override its own
 * properties (WebIDL [LegacyOverrideBuiltIns]).
 */
function titleOf(doc: Document): string {
  for (let proto = Object.getPrototypeOf(doc); proto; proto = Object.getPrototypeOf(proto)) {
    const get = Object.getOwnPropertyDescriptor(proto, 'title')?.get;
    if (!get) continue;
    const title: unknown = get.call(doc);
    return typeof title === 'string' ? title : '';
  }
  return '';
}

/** `doc`'s address and title, within the protocol's limits (a long address loses its fragment first). */
export function pageRef(doc: Document): { url: string; title: string } {
  const href = doc.location?.href ?? '';
  const url = href.length <= PAGE_URL_MAX_CHARS ? href : (href.split('#')[0] ?? '').slice(0, PAGE_URL_MAX_CHARS);
  return { url, title: titleOf(doc).slice(0, PAGE_TITLE_MAX_CHARS) };
}
