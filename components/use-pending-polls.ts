/**
 * Asking again while a Wikipedia look-up is pending, for the hover card and the popup alike.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { LookupState } from '../lib/lookup/types';

/**
 * A pending look-up is asked again PENDING_POLLS times every PENDING_POLL_MS, then every
 * SLOW_POLL_MS for as long as the card is shown (a queue paused by a 429 can take minutes): the
 * card then says it is still waiting and offers "Check again", which starts the quick asking again.
 */
const PENDING_POLL_MS = 1500;
const PENDING_POLLS = 8;
const SLOW_POLL_MS = 10_000;

/** What usePendingPolls gives the card. */
export interface PendingPolls {
  /** The look-up to show: marked `slow` once the quick polls are used up. */
  lookup: LookupState | undefined;
  /** Call before asking again at the reader's request: the quick polls start over. */
  restart: () => void;
}

/**
 * Calls `ask` again while `lookup` (the last answer's) is pending; `answer` is the answer object
 * itself, so each new answer (even an equal one) schedules the next ask.
 */
export function usePendingPolls(answer: unknown, lookup: LookupState | undefined, ask: () => unknown): PendingPolls {
  const polls = useRef(0);
  useEffect(() => {
    if (lookup?.status !== 'pending') return;
    const delay = polls.current < PENDING_POLLS ? PENDING_POLL_MS : SLOW_POLL_MS;
    polls.current++;
    const timer = setTimeout(() => void ask(), delay);
    return () => clearTimeout(timer);
  }, [answer, ask]);
  return {
    // Read after the answer that used up the quick polls was set, so this render shows it.
    lookup: lookup?.status === 'pending' && polls.current >= PENDING_POLLS ? { ...lookup, slow: true } : lookup,
    restart: () => {
      polls.current = 0;
    },
  };
}
