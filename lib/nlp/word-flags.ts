/**
 * Word lists used by the event and span rules, turned into per-word bit flags
 * once per distinct word (see Lexicon), so rules test one byte per token.
 */

const set = (s: string) => new Set(s.split(' '));

/** Capitalised last words that make a name an event ("Cold War", "Orange Revolution"). */
export const CAP_HEADS = set(
  'war wars revolution summit treaty accord accords agreement crisis massacre uprising rebellion revolt olympics ' +
    'election elections referendum riots bombing bombings invasion blitz troubles coup spring conference convention ' +
    'campaign offensive genocide famine earthquake hurricane scandal affair protests games championship championships cup',
);
/** Lower-case heads after a name or year ("Nato summit", "2019 general election", "Salisbury poisoning"). */
export const LOW_HEADS = set(
  'election elections referendum primaries primary by-election caucuses caucus summit poisoning bombing bombings ' +
    'attack attacks massacre earthquake coup invasion riots uprising war talks crisis ceasefire scandal',
);
/** Lower-case modifiers allowed between the name and the head ("United Kingdom general election"). */
export const LOW_MODS = set(
  'general presidential parliamentary legislative federal state local mayoral municipal provincial regional ' +
    'gubernatorial leadership senate congressional midterm national snap assembly council party ' +
    'independence constitutional by terrorist chemical nerve-agent nuclear civil',
);
/** Nouns of "the annexation of Crimea" style events. */
export const NOMINALS = set(
  'annexation invasion occupation siege battle bombing poisoning assassination partition liberation reunification massacre',
);
/** Trigger words of event frames (see event-frames.ts); closing is the fourth frame. */
export const ANNEX = set('annex annexed annexes annexing annexation');
export const POISON = set('poisoning poisoned poisonings');
export const EXPEL = set('expel expelled expels expelling expulsion');
const CLOSE = set('close closed closes closing closure shut shuts');
const TRIGGERS = new Set([...ANNEX, ...POISON, ...EXPEL, ...CLOSE]);
/** Lower-case nouns after which a lone capitalised name is a place ("Crimea region", "Idlib province"). */
export const GEO_NOUNS = set('region province peninsula county district oblast coast valley island islands mountains');
const MONTHS = set('january february march april may june july august september october november december');

export const F_CAP_HEAD = 1,
  F_LOW_HEAD = 2,
  F_LOW_MOD = 4,
  F_NOMINAL = 8,
  F_TRIGGER = 16,
  F_GEO = 32,
  F_YEAR = 64,
  F_MONTH = 128;
/** Flags that make the event rules worth running on a piece. */
export const F_EVENT_ANY = F_LOW_HEAD | F_NOMINAL | F_TRIGGER;

/** Bit flags of a normalised (lower-case) word. */
export function wordFlags(lower: string): number {
  let f = 0;
  if (CAP_HEADS.has(lower)) f |= F_CAP_HEAD;
  if (LOW_HEADS.has(lower)) f |= F_LOW_HEAD;
  if (LOW_MODS.has(lower)) f |= F_LOW_MOD;
  if (NOMINALS.has(lower)) f |= F_NOMINAL;
  if (TRIGGERS.has(lower)) f |= F_TRIGGER;
  if (GEO_NOUNS.has(lower)) f |= F_GEO;
  if (MONTHS.has(lower)) f |= F_MONTH;
  if (/^(1[5-9]|20)\d\d$/.test(lower)) f |= F_YEAR;
  return f;
}
