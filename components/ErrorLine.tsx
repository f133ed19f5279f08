/**
 * A failure the reader should hear about at once: an alert (screen readers announce it) in the
 * error style. Renders nothing when there is no message, so callers pass their error state as is.
 */
export function ErrorLine({ message }: { message: string | null | undefined | false }) {
  if (!message) return null;
  return (
    <p role="alert" class="bs-error">
      {message}
    </p>
  );
}
