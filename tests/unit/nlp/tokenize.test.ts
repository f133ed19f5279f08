// Tokeniser and sentence splitter: exact UTF-16 offsets, possessives, initials, CRLF, astral characters.
import { describe, it, expect } from 'vitest';
import { tokenize, splitSentences } from '../../../lib/nlp/tokenize';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('keeps exact offsets: every token is the slice it claims', () => {
    const s = 'Nato’s chief, Jens Stoltenberg, met “Dr. Smith” — again — in 2021 (1,000.5 km).';
    for (const t of tokenize(s)) expect(s.slice(t.start, t.end)).toBe(t.text);
  });

  it('counts astral-plane characters as two UTF-16 units', () => {
    const s = '😀 𝒳 Jens Stoltenberg 🇺🇦 Kyiv';
    const toks = tokenize(s);
    const jens = toks.find((t) => t.text === 'Jens')!;
    expect(jens.start).toBe(s.indexOf('Jens'));
    expect(s.indexOf('Jens')).toBe(6); // 😀 (2) + space + 𝒳 (2) + space
    expect(toks[0]!.text).toBe('😀');
    expect(toks.find((t) => t.text === 'Kyiv')!.start).toBe(s.indexOf('Kyiv'));
    for (const t of toks) expect(s.slice(t.start, t.end)).toBe(t.text);
  });

  it('splits possessives off names, with straight and curly apostrophes', () => {
    expect(texts("Russia's Nato’s Nations' O'Neill")).toEqual([
      'Russia',
      "'s",
      'Nato',
      '’s',
      'Nations',
      "'",
      "O'Neill",
    ]);
  });

  it('keeps hyphenated names, dotted acronyms, initials and honorifics whole', () => {
    expect(texts('the Nato-Russia Council')).toEqual(['the', 'Nato-Russia', 'Council']);
    expect(texts('J. R. R. Tolkien met Dr. No and Gen. Smith in the U.S. today')).toEqual([
      'J.',
      'R.',
      'R.',
      'Tolkien',
      'met',
      'Dr.',
      'No',
      'and',
      'Gen.',
      'Smith',
      'in',
      'the',
      'U.S.',
      'today',
    ]);
  });

  it('leaves a sentence-final full stop out of an abbreviation at the end of a line', () => {
    expect(texts('He works for Lear Corp.\nNext')).toEqual(['He', 'works', 'for', 'Lear', 'Corp', '.', 'Next']);
  });

  it('handles dashes and quotes as separate tokens', () => {
    expect(texts('“Yes” – he said -- no…')).toEqual(['“', 'Yes', '”', '–', 'he', 'said', '--', 'no', '…']);
  });
});

describe('splitSentences', () => {
  const sentences = (s: string) => {
    const toks = tokenize(s);
    return splitSentences(toks).map((x) =>
      toks
        .slice(x.from, x.to)
        .map((t) => t.text)
        .join(' '),
    );
  };

  it('splits at full stops before capitals but not after honorifics or initials', () => {
    expect(sentences('Mr. Smith met J. Doe. They talked. "Good," he said.')).toEqual([
      'Mr. Smith met J. Doe .',
      'They talked .',
      '" Good , " he said .',
    ]);
  });

  it('treats CRLF and LF line breaks as sentence ends (headlines, captions)', () => {
    const s = 'NATO SUMMIT OPENS\r\nLeaders met in Brussels\r\n\r\nUpdated: Monday';
    expect(sentences(s)).toEqual(['NATO SUMMIT OPENS', 'Leaders met in Brussels', 'Updated : Monday']);
    const toks = tokenize(s);
    expect(toks.find((t) => t.text === 'Leaders')!.start).toBe(19);
    expect(toks.find((t) => t.text === 'Leaders')!.nl).toBe(true);
  });
});
