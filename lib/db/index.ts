/** Backstory's database layer: schema, cards, notes, mentions, starter cards. */
export {
  BackstoryDB,
  DB_NAME,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  openBackstoryDB,
} from './schema';
export { keysFor, cardKeys } from './card-keys';
export {
  findCard,
  findCards,
  indexCards,
  matchCards,
  createReaderCard,
  listKnownNames,
  knownNamesOf,
  type CardQuery,
  type CardIndex,
  type KnownName,
} from './cards';
export { listNotes, saveNote, deleteNote, type SaveNoteInput } from './notes';
export {
  recordMentions,
  countSeenIn,
  listMentions,
  sentenceAround,
  MAX_SENTENCE_CHARS,
  type MentionInput,
} from './mentions';
export { installStarterCards, starterCardSchema, type StarterCard, type InstallReport } from './starter';
export { describeWriteError } from './errors';
export type { Card, Note, Mention, PageRef, CardSource } from './records';
