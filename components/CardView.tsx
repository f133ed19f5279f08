import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { EntityKind } from '../lib/entity';
import type { Card, CardDates } from '../lib/db/records';
import { formatCardDates } from '../lib/db/card-dates';
import type { LookupState } from '../lib/lookup/types';
import { KindBadge } from './KindBadge';
import { LookupStatus } from './Candidates';

export interface CardViewProps {
  entity: { name: string; kind: EntityKind; count?: number };
  card: Card | null;
  /** Number of articles the reader met this entity in. */
  seenIn?: number;
  /** Creates a card for an entity without one; may return a promise so the button can show progress. */
  onCreateCard?: () => void | Promise<unknown>;
  /** What the Wikipedia look-up said (getCard's `lookup`), when it was asked. */
  lookup?: LookupState;
  /** Picks one of the look-up's candidate articles; resolves to an error message or null. */
  onChoose?: (title: string) => Promise<string | null>;
  /** Asks Wikipedia again after a failed look-up. */
  onRetry?: () => Promise<unknown>;
}

/** "1 time" / "4 times". */
function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/**
 * Only Wikimedia's pictures, data images and files of the package are shown: a root-relative path
 * is a file shipped in public/ and must resolve against the extension, not the news site.
 */
export function imageSrc(image: string | undefined): string | null {
  if (!image) return null;
  if (/^data:image\//i.test(image)) return image;
  if (image.startsWith('/') && !image.startsWith('//')) {
    try {
      return browser.runtime.getURL(image as Parameters<typeof browser.runtime.getURL>[0]);
    } catch {
      return image;
    }
  }
  return wikimediaImage(image);
}

/**
 * `url` when it is a picture on Wikimedia's image host, where look-ups take card pictures from
 * (lib/lookup/schemas.ts). The hover card sits in the news page: a picture from anywhere else (a
 * card from a shared import file) would tell that host which pages the reader hovers names on.
 */
function wikimediaImage(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.hostname === 'upload.wikimedia.org' ? u.href : null;
  } catch {
    return null;
  }
}

/** Only http(s) links are offered: a card URL must never become a javascript: link. */
export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Onward link text: names Wikipedia when that is where it goes. */
function moreLabel(href: string): string {
  return /(^|\.)wikipedia\.org$/i.test(new URL(href).hostname) ? 'Read more on Wikipedia' : 'Read more';
}

/** When an event happened, each end in a <time> carrying its ISO value. */
function CardDatesLine({ dates }: { dates: CardDates }) {
  const text = formatCardDates(dates);
  if (!text) return null;
  return (
    <p class="bs-card-meta bs-card-dates">
      <span class="bs-sr">When: </span>
      <time dateTime={dates.start}>{text.start}</time>
      {text.end && dates.end && (
        <>
          {' – '}
          <time dateTime={dates.end}>{text.end}</time>
        </>
      )}
    </p>
  );
}

/**
 * The background card of one entity: name, kind, description, summary, image and onward
 * link; or, before a card exists, what the page tells us and a "Create card" button.
 */
export function CardView({ entity, card, seenIn = 0, onCreateCard, lookup, onChoose, onRetry }: CardViewProps) {
  const [imgFailed, setImgFailed] = useState(false);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const src = imageSrc(card?.image);
  // A new image deserves a fresh chance to load.
  useEffect(() => setImgFailed(false), [src]);

  const name = card?.name ?? entity.name;
  const kind = card?.kind ?? entity.kind;
  const href = safeHref(card?.url);

  async function create() {
    if (!onCreateCard || creating) return;
    setCreating(true);
    setCreateError(null);
    try {
      await onCreateCard();
    } catch (e) {
      setCreateError(e instanceof Error ? e.message : String(e));
    } finally {
      setCreating(false);
    }
  }

  return (
    <div class="bs-card">
      <div class="bs-card-head">
        <div class="bs-card-titles">
          <h2 class="bs-card-name" tabIndex={-1}>
            {name}
          </h2>
          <KindBadge kind={kind} />
        </div>
        {src && !imgFailed && (
          <img
            class="bs-card-img"
            src={src}
            alt={name}
            width={72}
            height={72}
            loading="lazy"
            decoding="async"
            referrerpolicy="no-referrer"
            onError={() => setImgFailed(true)}
          />
        )}
      </div>
      {card ? (
        <>
          {card.description && <p class="bs-card-desc">{card.description}</p>}
          {card.dates && <CardDatesLine dates={card.dates} />}
          {card.summary && <p class="bs-card-summary">{card.summary}</p>}
          {href && (
            <a class="bs-card-more" href={href} target="_blank" rel="noopener noreferrer">
              {moreLabel(href)}
            </a>
          )}
          {lookup && <LookupStatus lookup={lookup} hasCard onChoose={onChoose} onRetry={onRetry} />}
        </>
      ) : (
        <>
          {entity.count !== undefined && entity.count > 0 && (
            <p class="bs-card-summary">Mentioned {plural(entity.count, 'time', 'times')} on this page</p>
          )}
          <p class="bs-card-desc">No card yet for this name.</p>
          {lookup && <LookupStatus lookup={lookup} hasCard={false} onChoose={onChoose} onRetry={onRetry} />}
          {onCreateCard && (
            <div class="bs-card-actions">
              <button type="button" class="bs-btn bs-btn-primary" onClick={create} disabled={creating}>
                Create card
              </button>
            </div>
          )}
          {createError && (
            <p role="alert" class="bs-error">
              Could not create the card: {createError}
            </p>
          )}
        </>
      )}
      {seenIn > 0 && <p class="bs-card-meta bs-muted">Seen in {plural(seenIn, 'article', 'articles')}</p>}
    </div>
  );
}
