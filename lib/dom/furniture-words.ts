/**
 * The vocabulary of page furniture: tags, ARIA roles and class/id words of navigation, share
 * bars, comments, ads and the like, and the words that mark an article instead (see skip.ts).
 */

/** Tags and ARIA roles that are page furniture wherever they appear. */
export const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FORM', 'DIALOG', 'MENU']);
export const FURNITURE_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
  'toolbar',
  'tablist',
]);

/**
 * Class/id words of furniture. Matched as whole tokens of the class/id (split at - _ space and
 * camelCase) so "ad" does not hit "header" or "shadow".
 */
export const FURNITURE_WORDS = new Set([
  'comment',
  'comments',
  'related',
  'sidebar',
  'share',
  'sharing',
  'social',
  'newsletter',
  'promo',
  'promos',
  'sponsor',
  'sponsored',
  'ad',
  'ads',
  'advert',
  'adverts',
  'advertisement',
  'outbrain',
  'taboola',
  'recirc',
  'recirculation',
  'popular',
  'trending',
  'subscribe',
  'subscription',
  'signup',
  'breadcrumb',
  'breadcrumbs',
  'nav',
  'navigation',
  'menu',
  'cookie',
  'consent',
  'footer',
  'masthead',
  'toolbar',
  'byline',
  'tags',
  'disqus',
  'rail',
  'widget',
  'modal',
  'popup',
  'banner',
  'paywall',
  'hidden',
  'offscreen',
  'visually',
  'sr',
  'print',
]);
/**
 * Ad and recommendation networks: their boxes win over article words, since their ids and classes
 * often repeat the article's ("taboola-below-article", "trc-content-sponsored").
 */
export const AD_NETWORK_WORDS = new Set(['taboola', 'outbrain', 'teads', 'zergnet', 'trc', 'sponsored', 'promoted']);
/** Words that mark the article itself; they win over furniture words on the same element. */
export const ARTICLE_WORDS = new Set(['article', 'story', 'body', 'content', 'entry', 'main', 'post', 'text']);
