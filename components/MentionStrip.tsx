import { useId } from 'preact/hooks';
import type { Mention } from '../lib/db/records';
import { formatWeek, mentionsPerWeek, summariseWeeks } from '../lib/db/co-occurrence';

export interface MentionStripProps {
  name: string;
  mentions: readonly Pick<Mention, 'seenAt'>[];
  /** "Now" for the window (tests pass a fixed time). */
  now?: number;
  weeks?: number;
}

const BAR = 6;
const GAP = 2;
const HEIGHT = 40;

/**
 * A strip of an entity's mentions per week over the last year, oldest left: one bar a week,
 * its height the week's count. The SVG is one image described by the caption, which says it
 * in words; each bar carries a tooltip ("Week of 18 Oct 2021: 3").
 */
export function MentionStrip({ name, mentions, now = Date.now(), weeks = 52 }: MentionStripProps) {
  const counts = mentionsPerWeek(mentions, now, weeks);
  const summary = summariseWeeks(counts);
  const max = Math.max(1, ...counts.map((w) => w.count));
  const width = counts.length * (BAR + GAP) - GAP;
  const empty = counts.every((w) => w.count === 0);
  const captionId = useId();
  return (
    <figure class="bs-strip" style={{ margin: 0 }}>
      <svg
        role="img"
        aria-label={`Mentions of ${name} per week, last ${weeks} weeks`}
        aria-describedby={captionId}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        width={width}
        height={HEIGHT}
        style={{ maxWidth: '100%', height: 'auto', display: 'block' }}
      >
        {counts.map((w, i) => {
          const h = w.count === 0 ? 1 : Math.max(3, Math.round((w.count / max) * (HEIGHT - 2)));
          return (
            <rect
              key={w.start}
              x={i * (BAR + GAP)}
              y={HEIGHT - h}
              width={BAR}
              height={h}
              fill="currentColor"
              opacity={w.count === 0 ? 0.25 : 0.8}
            >
              <title>{`Week of ${formatWeek(w.start)}: ${w.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption id={captionId} class="bs-muted">
        {empty ? `${summary} Pages that mention ${name} will add to this strip as you read.` : summary}
      </figcaption>
    </figure>
  );
}
