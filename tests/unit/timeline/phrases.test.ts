import { describe, expect, it } from 'vitest';
import { buildTimeline } from '@/lib/timeline/build';
import { extractDates } from '@/lib/timeline/extract';

// Wednesday 20 October 2021.
const ARTICLE = { y: 2021, m: 10, d: 20 };
const values = (text: string) =>
  extractDates(text, ARTICLE).map((d) => (d.when.kind === 'resolved' ? d.when.value : `~${d.when.phrase}`));

describe('timeline dates: phrases that are not the date inside them', () => {
  it('"the day before yesterday" is two days before the article, not yesterday', () => {
    expect(values('The talks collapsed the day before yesterday.')).toEqual(['2021-10-18']);
  });

  it('"the day after tomorrow" is not tomorrow', () => {
    expect(values('The summit opens the day after tomorrow.')).toEqual(['2021-10-22']);
  });

  it('a BC year is not read as the same year AD', () => {
    expect(values('The city was founded in 1650 BC, archaeologists say.')).not.toContain('1650');
  });

  it('an amount ("2000 people") is not a year', () => {
    expect(values('In 1999, 2000 people died in the floods.')).toEqual(['1999']);
  });

  it('a duration ("over the last year") is not the previous calendar year', () => {
    expect(values('Prices have risen 5% over the last year.')).toEqual([]);
    expect(values('He has been ill for the last week.')).toEqual([]);
    // A weekday is no duration, though it ends in "day".
    expect(values("Homes were attacked by troops in Tuesday night's coup.")).toEqual(['2021-10-19']);
  });

  it('a timeline does not get a spurious "2000" entry from a head-count', () => {
    const t = buildTimeline({
      blocks: ['In 1999, 2000 people died in the floods.'],
      published: '2021-10-20',
      entities: [],
    });
    expect(t.entries.map((e) => (e.when.kind === 'resolved' ? e.when.value : ''))).toEqual(['1999']);
  });

  it('a future word earlier in the sentence does not push a past event into the future', () => {
    // A future cue in a relative clause ("who will retire") or "Next," as a discourse word.
    expect(values('The minister, who will retire next year, met protesters on Monday.')).toContain('2021-10-18');
    expect(values('Next, the court heard the case on Monday.')).toEqual(['2021-10-18']);
  });
});
