import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EntityKind } from '../../lib/entity';
import { ENTITY_KINDS } from '../../lib/entity';
import { HOVER_DELAY_MAX, HOVER_DELAY_MIN, MARK_STYLES, type MarkStyle } from '../../lib/settings/schema';
import { ErrorLine } from '../../components/ErrorLine';
import { OffSites } from './OffSites';
import { type SettingsApi, useSettings } from './use-settings';

export type { SettingsApi } from './use-settings';

const KIND_LABELS: Record<EntityKind, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  event: 'Events',
};
const STYLE_LABELS: Record<MarkStyle, string> = {
  underline: 'Underline',
  background: 'Background tint',
  hover: 'Off until hover',
};

/**
 * The settings form: every control has a visible label and saves as soon as it changes (the
 * outcome is announced in a status line), so it works the same with a keyboard, a pointer or a
 * screen reader, and there is no unsaved state to lose.
 */
export function SettingsForm({ api }: { api: SettingsApi }) {
  const form = useSettings(api);
  const { settings, save } = form;
  // What the reader typed in the delay field; null while it shows the delay in use.
  const [typed, setTyped] = useState<string | null>(null);
  const [delayError, setDelayError] = useState<string | null>(null);
  const storedDelay = settings?.hoverDelayMs;

  // When the delay in use changes (saved, or changed elsewhere) the field shows it again, and any
  // complaint about what was typed before is moot; other changes leave what the reader typed alone.
  // Loading is no change: the field already shows the loaded delay. A layout effect, so the old text
  // is never drawn against the new delay.
  const seenDelay = useRef(storedDelay);
  useLayoutEffect(() => {
    const before = seenDelay.current;
    seenDelay.current = storedDelay;
    if (before === undefined || before === storedDelay) return;
    setTyped(null);
    setDelayError(null);
  }, [storedDelay]);

  if (!settings) return <p class="bs-muted">{form.error ?? 'Loading settings…'}</p>;

  const delay = typed ?? String(settings.hoverDelayMs);

  function saveDelay() {
    const ms = Number(delay);
    if (delay.trim() === '' || !Number.isInteger(ms) || ms < HOVER_DELAY_MIN || ms > HOVER_DELAY_MAX) {
      setDelayError(
        `The hover delay must be a whole number from ${HOVER_DELAY_MIN} to ${HOVER_DELAY_MAX} milliseconds.`,
      );
      return;
    }
    // Valid now, whether or not it differs from the stored delay: the complaint no longer applies.
    setDelayError(null);
    if (ms !== form.latest()?.hoverDelayMs) void save({ hoverDelayMs: ms }, `Hover delay set to ${ms} ms.`);
  }

  function toggleKind(kind: EntityKind, on: boolean) {
    // From the latest kinds, not the last render's: a box ticked a moment ago may still be saving.
    const current = form.latest()?.kinds ?? [];
    const kinds = ENTITY_KINDS.filter((k) => (k === kind ? on : current.includes(k)));
    void save({ kinds }, `${KIND_LABELS[kind]} ${on ? 'will' : 'will not'} be marked.`);
  }

  return (
    <div class="opt-settings">
      <p class="opt-field">
        <label for="opt-delay">Hover delay (milliseconds)</label>
        <input
          id="opt-delay"
          type="number"
          inputMode="numeric"
          min={HOVER_DELAY_MIN}
          max={HOVER_DELAY_MAX}
          step={50}
          value={delay}
          aria-invalid={delayError ? 'true' : undefined}
          aria-describedby={delayError ? 'opt-delay-help opt-delay-error' : 'opt-delay-help'}
          onInput={(e) => setTyped(e.currentTarget.value)}
          onChange={saveDelay}
        />
        <span id="opt-delay-help" class="bs-muted">
          How long the pointer rests on a name before its card opens.
        </span>
        {delayError && (
          <span id="opt-delay-error" role="alert" class="bs-error">
            {delayError}
          </span>
        )}
      </p>
      <fieldset class="opt-group">
        <legend>Mark these kinds of names</legend>
        {ENTITY_KINDS.map((k) => (
          <label key={k} class="opt-choice">
            <input
              type="checkbox"
              checked={settings.kinds.includes(k)}
              onChange={(e) => toggleKind(k, e.currentTarget.checked)}
            />
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      <fieldset class="opt-group">
        <legend>Marking style</legend>
        {MARK_STYLES.map((s) => (
          <label key={s} class="opt-choice">
            <input
              type="radio"
              name="opt-style"
              value={s}
              checked={settings.markStyle === s}
              onChange={() => void save({ markStyle: s }, `Marking style: ${STYLE_LABELS[s]}.`)}
            />
            {STYLE_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <p class="opt-field">
        <label class="opt-choice">
          <input
            type="checkbox"
            checked={settings.lookups}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              void save(
                { lookups: on },
                on ? 'Names without a card are looked up on Wikipedia.' : 'Online look-ups are off.',
              );
            }}
          />
          Look up names on Wikipedia
        </label>
      </p>
      <OffSites form={form} allowSite={api.allowSite} />
      <p role="status" class="bs-status">
        {form.status}
      </p>
      <ErrorLine message={form.error} />
    </div>
  );
}

/** Layout of the settings form (px only, like every Backstory UI). */
export const settingsCss = `
.opt-field { display: flex; flex-direction: column; gap: 4px; margin: 10px 0; }
.opt-field input[type="number"], .opt-field input[type="text"] {
  width: 220px; padding: 4px 6px; border: 1px solid currentColor; border-radius: 4px; background: transparent;
}
.opt-group { border: 1px solid currentColor; border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.opt-group legend { padding: 0 4px; font-weight: 600; }
.opt-choice { display: flex; align-items: center; gap: 8px; min-height: 28px; }
.opt-h3 { font-weight: 600; margin-top: 14px; }
.opt-sites li { display: flex; align-items: center; gap: 8px; margin: 4px 0; }
.opt-row { display: flex; gap: 8px; align-items: center; }
`;
