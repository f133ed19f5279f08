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
