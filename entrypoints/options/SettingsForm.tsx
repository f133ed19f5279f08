import { useEffect, useState } from 'preact/hooks';
import type { EntityKind } from '../../lib/entity';
import { ENTITY_KINDS } from '../../lib/entity';
import {
  HOVER_DELAY_MAX,
  HOVER_DELAY_MIN,
  MARK_STYLES,
  type MarkStyle,
  normaliseSite,
  type Settings,
} from '../../lib/settings/schema';
import { ErrorLine } from '../../components/ErrorLine';

/** Reading, writing and watching the settings (lib/settings/store in the extension, a fake in tests). */
export interface SettingsApi {
  read(): Promise<Settings>;
  write(patch: Partial<Settings>): Promise<Settings>;
  watch(onChange: (settings: Settings) => void): () => void;
  /**
   * Makes sure Backstory may run on `site` before it leaves the "off" list: a site the reader added
   * gave its permission back when turned off, so the browser is asked again (its own prompt; call
   * inside the reader's click, nothing awaited first). Resolves to whether Backstory may run there.
   * Absent: nothing to ask.
   */
  allowSite?(site: string): Promise<boolean>;
}

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
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [site, setSite] = useState('');
  const [delay, setDelay] = useState('');

  useEffect(() => {
    let live = true;
    const show = (s: Settings) => {
      if (!live) return;
      setSettings(s);
      setDelay(String(s.hoverDelayMs));
    };
    api.read().then(show, (e: unknown) => setError(`Could not read the settings: ${String(e)}`));
    const stop = api.watch(show);
    return () => {
      live = false;
      stop();
    };
  }, [api]);

  async function save(patch: Partial<Settings>, done: string) {
    setError(null);
    try {
      const next = await api.write(patch);
      setSettings(next);
      setDelay(String(next.hoverDelayMs));
      setStatus(done);
    } catch (e) {
      setStatus('');
      setError(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  if (!settings) return <p class="bs-muted">{error ?? 'Loading settings…'}</p>;

  function saveDelay() {
    const ms = Number(delay);
    if (delay.trim() === '' || !Number.isInteger(ms) || ms < HOVER_DELAY_MIN || ms > HOVER_DELAY_MAX) {
      setError(`The hover delay must be a whole number from ${HOVER_DELAY_MIN} to ${HOVER_DELAY_MAX} milliseconds.`);
      return;
    }
    if (ms !== settings?.hoverDelayMs) void save({ hoverDelayMs: ms }, `Hover delay set to ${ms} ms.`);
  }

  function toggleKind(kind: EntityKind, on: boolean) {
    const kinds = ENTITY_KINDS.filter((k) => (k === kind ? on : settings?.kinds.includes(k)));
    void save({ kinds }, `${KIND_LABELS[kind]} ${on ? 'will' : 'will not'} be marked.`);
  }

  function addSite(e: Event) {
    e.preventDefault();
    const host = normaliseSite(site);
    if (!host) {
      setError(`"${site.trim() || '(empty)'}" is not a site name; type a name such as bbc.co.uk.`);
      return;
    }
    setSite('');
    if (settings?.disabledSites.includes(host)) return setStatus(`Backstory is already off on ${host}.`);
    void save({ disabledSites: [...(settings?.disabledSites ?? []), host] }, `Backstory is now off on ${host}.`);
  }

  /**
   * Takes `host` off the "off" list, asking the browser for access to it where Backstory has none
   * (a site the reader added gave it back when turned off). Removed either way, since the reader
   * asked; the status says honestly whether Backstory runs there now.
   */
  async function removeSite(host: string) {
    setError(null);
    let allowed = true;
    let why = 'Backstory was not given access to it';
    try {
      // Asked first, with nothing awaited before it: the browser only prompts inside the reader's click.
      if (api.allowSite) allowed = await api.allowSite(host);
    } catch (e) {
      allowed = false;
      why = `the browser did not ask for access to it (${e instanceof Error ? e.message : String(e)})`;
    }
    const disabledSites = (settings?.disabledSites ?? []).filter((s) => s !== host);
    await save(
      { disabledSites },
      allowed
        ? `Backstory runs on ${host} again.`
        : `${host} is no longer off, but ${why}, so Backstory does not run there. Add it under "Sites you added" to run it.`,
    );
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
          aria-describedby="opt-delay-help"
          onInput={(e) => setDelay(e.currentTarget.value)}
          onChange={saveDelay}
        />
        <span id="opt-delay-help" class="bs-muted">
          How long the pointer rests on a name before its card opens.
        </span>
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
      <h3 class="opt-h3" id="opt-sites">
        Sites where Backstory is off
      </h3>
      {settings.disabledSites.length === 0 ? (
        <p class="bs-muted">None: Backstory runs on every news site it knows.</p>
      ) : (
        <ul aria-labelledby="opt-sites" class="opt-sites">
          {settings.disabledSites.map((host) => (
            <li key={host}>
              <span>{host}</span>{' '}
              <button type="button" class="bs-btn" aria-label={`Remove ${host}`} onClick={() => void removeSite(host)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="opt-field" onSubmit={addSite}>
        <label for="opt-site">Turn Backstory off on a site</label>
        <span class="opt-row">
          <input
            id="opt-site"
            type="text"
            placeholder="bbc.co.uk"
            value={site}
            onInput={(e) => setSite(e.currentTarget.value)}
          />
          <button type="submit" class="bs-btn">
            Add site
          </button>
        </span>
      </form>
      <p role="status" class="bs-status">
        {status}
      </p>
      <ErrorLine message={error} />
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
