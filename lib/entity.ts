/** The four kinds of names Backstory spots and keeps cards for. */
export const ENTITY_KINDS = ['person', 'organization', 'place', 'event'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * One entity of an article after within-article resolution: "Jens Stoltenberg",
 * "Mr Stoltenberg" and "Stoltenberg" are one ArticleEntity.
 */
export interface ArticleEntity {
  /** Stable key within the article, e.g. "person:jens stoltenberg". */
  key: string;
  /** The fullest form seen in the article, e.g. "Jens Stoltenberg". */
  name: string;
  kind: EntityKind;
  /** Other surface forms seen for it, e.g. ["Stoltenberg", "Mr Stoltenberg"]. */
  aliases: string[];
  /** Number of mentions in the article. */
  count: number;
}

/** One mention: UTF-16 offsets into text block `block`, `end` exclusive. */
export interface BlockSpan {
  block: number;
  start: number;
  end: number;
  entityKey: string;
}

/** What the detector returns for an article given as text blocks. */
export interface SpotResult {
  entities: ArticleEntity[];
  spans: BlockSpan[];
}

/**
 * Normalises a name for look-ups: case-folded, curly quotes straightened,
 * whitespace collapsed, a trailing possessive and leading "the" removed.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/'s$/i, '')
    .replace(/^the\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
