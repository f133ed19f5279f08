import { useState } from 'preact/hooks';

/** The notebook's status line (what was just done) and its error line. */
export interface StatusLine {
  status: string;
  error: string | null;
  /** Announces `message` on the status line and clears the error line. */
  say: (message: string) => void;
  setError: (message: string | null) => void;
}

/** The state of the notebook's status and error lines. */
export function useStatusLine(): StatusLine {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  function say(message: string) {
    setError(null);
    setStatus(message);
  }

  return { status, error, say, setError };
}
