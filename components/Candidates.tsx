import { useState } from 'preact/hooks';
import type { Candidate, LookupState } from '../lib/lookup/types';
import { ErrorLine } from './ErrorLine';

export interface CandidatesProps {
  candidates: Candidate[];
  /** Picks one; rejects (or resolves to an error message) when it could not be used. */
  onChoose: (title: string) => Promise<string | null>;
}

/**
 * A short list of Wikipedia articles a name may stand for: each is a button named by the
 * article's title, with its one-line description beside it.
 */
export function Candidates({ candidates, onChoose }: CandidatesProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose(title: string) {
    if (busy) return;
    setBusy(title);
    setError(null);
    try {
      const problem = await onChoose(title);
      if (problem) setError(problem);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div class="bs-candidates">
      <ul aria-label="Candidate articles">
        {candidates.map((c) => (
          <li key={c.title} class="bs-candidate">
            <button
              type="button"
              class="bs-btn bs-btn-link"
              disabled={busy !== null}
              onClick={() => void choose(c.title)}
            >
              {c.title}
            </button>
            {c.description && <span class="bs-muted"> {c.description}</span>}
          </li>
        ))}
      </ul>
      {busy && (
        <p role="status" class="bs-muted">
          Fetching “{busy}”…
        </p>
      )}
      <ErrorLine message={error} />
    </div>
  );
}

export interface LookupStatusProps {
  lookup: LookupState;
  /** True when a card is shown above (the status then only offers alternatives). */
  hasCard: boolean;
  onChoose?: (title: string) => Promise<string | null>;
  onRetry?: () => Promise<unknown>;
}

/**
 * What the Wikipedia look-up said, in words: still looking (after a long wait, with "Check again"),
 * choose one, no article, why it failed (with "Retry"), a card the reader deleted (with "Look up
 * again"), or, beside a card from Wikipedia, the other articles it may be.
 */
export function LookupStatus({ lookup, hasCard, onChoose, onRetry }: LookupStatusProps) {
  const [retrying, setRetrying] = useState(false);
  async function retry() {
    if (!onRetry || retrying) return;
    setRetrying(true);
    try {
      await onRetry();
    } finally {
      setRetrying(false);
    }
  }

  const retryButton = (label: string) =>
    onRetry && (
      <button type="button" class="bs-btn" disabled={retrying} onClick={() => void retry()}>
        {label}
      </button>
    );

  if (lookup.status === 'found') {
    if (!hasCard || lookup.candidates.length === 0 || !onChoose) return null;
    return (
      <details class="bs-card-meta">
        <summary class="bs-muted">Not the right one?</summary>
        <Candidates candidates={lookup.candidates} onChoose={onChoose} />
      </details>
    );
  }
  if (hasCard) return null;
  if (lookup.status === 'pending' && lookup.slow)
    return (
      <div class="bs-card-meta">
        <p role="status" class="bs-muted">
          Still waiting for Wikipedia.
        </p>
        {/* The request already queued is the one answered: this asks for its answer now, not anew. */}
        {retryButton('Check again')}
      </div>
    );
  if (lookup.status === 'pending')
    return (
      <p role="status" class="bs-muted">
        Looking this name up on Wikipedia…
      </p>
    );
  if (lookup.status === 'ambiguous')
    return (
      <div class="bs-card-meta">
        <p>Wikipedia has several articles for this name. Choose one:</p>
        {onChoose ? <Candidates candidates={lookup.candidates} onChoose={onChoose} /> : null}
      </div>
    );
  if (lookup.status === 'missing') return <p class="bs-card-meta bs-muted">No article found on Wikipedia.</p>;
  if (lookup.status === 'deleted')
    return (
      <div class="bs-card-meta">
        <p class="bs-muted">You deleted the card for this name, so Backstory will not fetch it again by itself.</p>
        {retryButton('Look up again')}
      </div>
    );
  if (lookup.status === 'failed')
    return (
      <div class="bs-card-meta">
        {/* The error is a whole sentence that already says whether Wikipedia was reached. */}
        <p class="bs-muted">{lookup.error}</p>
        {retryButton('Retry')}
      </div>
    );
  return null;
}
