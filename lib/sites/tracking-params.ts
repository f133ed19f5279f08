/**
 * Query parameters that only say where the reader came from (newsletter and social campaigns,
 * ad click ids), not which page it is. Two addresses differing only in these are one article:
 * for the content script following a single-page app's address changes, and for "Seen in N
 * articles". Any other parameter may pick the story (sites that address stories by `?id=`).
 */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid|smid|ref_src|_ga)$/i;

/** True when the query parameter `name` only tracks where the reader came from. */
export function isTrackingParam(name: string): boolean {
  return TRACKING.test(name);
}

/**
 * A page URL without its #fragment and its tracking parameters (utm_*, fbclid…), so one article
 * read at two anchors, or reached from a newsletter and from the home page, counts once. Other
 * parameters stay, as written and in order: some sites address stories by `?id=`. Pages are stored
 * under it; {@link sameArticle} is the same rule for two live addresses.
 */
export function pageUrl(url: string): string {
  const hash = url.indexOf('#');
  const bare = hash >= 0 ? url.slice(0, hash) : url;
  const query = bare.indexOf('?');
  if (query < 0) return bare;
  const params = bare.slice(query + 1).split('&');
  const kept = params.filter((p) => !isTrackingParam(p.split('=', 1)[0] ?? ''));
  // An address without tracking stays byte for byte the key its records are already stored under.
  if (kept.length === params.length) return bare;
  return kept.length > 0 ? `${bare.slice(0, query)}?${kept.join('&')}` : bare.slice(0, query);
}

/** The address's origin and path, and its parameters but the tracking ones, decoded, in order. */
function articleParts(address: string): string | null {
  try {
    const url = new URL(address);
    const kept = [...url.searchParams].filter(([k]) => !isTrackingParam(k));
    return JSON.stringify([url.origin + url.pathname, kept]);
  } catch {
    return null;
  }
}

/**
 * True when two addresses name the same article by {@link pageUrl}'s rule: they differ only in
 * tracking parameters and the #fragment. The parameters are compared decoded, as a site that
 * drops its utm_* with the URL API re-encodes the others (`q=a%20b` becomes `q=a+b`, `/` `%2F`)
 * and may leave an empty "?".
 */
export function sameArticle(a: string, b: string): boolean {
  const x = articleParts(a);
  return x !== null && x === articleParts(b);
}
