import { useRef, useState } from 'preact/hooks';
import { disablingEntry, normaliseSite } from '../../lib/settings/schema';
import { useFocusAfterRemove } from './focus-after-remove';
import type { SettingsApi, SettingsState } from './use-settings';
import { SiteList } from './SiteList';

/**
 * "Sites where Backstory is off": the list, each site with Remove, and a field to add one. A listed
 * site turns its subdomains off too, so what it says about a subdomain names the parent entry that
 * decides it. Outcomes go to the form's status and error lines.
 */
export function OffSites({ form, allowSite }: { form: SettingsState; allowSite: SettingsApi['allowSite'] }) {
  const [site, setSite] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const sites = form.settings?.disabledSites ?? [];
  const removing = useFocusAfterRemove(list, form.settings ? sites : null, heading);
  // Read at the moment of the click: a change still being saved must not be undone by this one.
  const listed = () => form.latest()?.disabledSites ?? [];

  function addSite(e: Event) {
    e.preventDefault();
    const host = normaliseSite(site);
    if (!host) {
      form.setError(`"${site.trim() || '(empty)'}" is not a site name; type a name such as bbc.co.uk.`);
      return;
    }
    form.setError(null);
    setSite('');
    const entry = disablingEntry({ disabledSites: listed() }, host);
    if (entry === host) return form.setStatus(`Backstory is already off on ${host}.`);
    // A listed parent already covers it: a second entry would only hide which one decides.
    if (entry) return form.setStatus(`Backstory is already off on ${host}: ${entry} is on the list.`);
    void form.save({ disabledSites: [...listed(), host] }, `Backstory is now off on ${host}.`);
  }

  /**
   * Takes `host` off the "off" list, asking the browser for access to it where Backstory has none
   * (a site the reader added gave it back when turned off). Removed either way, since the reader
   * asked; the status says honestly whether Backstory runs there now.
   */
  async function removeSite(host: string) {
    const rest = () => listed().filter((s) => s !== host);
    removing(host);
    form.setError(null);
    const parent = disablingEntry({ disabledSites: rest() }, host);
    if (parent) {
      // Still off through its parent, so no prompt: access would change nothing there.
      await form.save({ disabledSites: rest() }, `${host} is still off: ${parent} is on the list.`);
      return;
    }
    let allowed = true;
    let why = 'Backstory was not given access to it';
    try {
      // Asked first, with nothing awaited before it: the browser only prompts inside the reader's click.
      if (allowSite) allowed = await allowSite(host);
    } catch (e) {
      allowed = false;
      why = `the browser did not ask for access to it (${e instanceof Error ? e.message : String(e)})`;
    }
    await form.save(
      { disabledSites: rest() },
      allowed
        ? `Backstory runs on ${host} again.`
        : `${host} is no longer off, but ${why}, so Backstory does not run there. Add it under "Sites you added" to run it.`,
    );
  }

  return (
    <>
      <h3 class="opt-h3" id="opt-sites" ref={heading} tabIndex={-1}>
        Sites where Backstory is off
      </h3>
      {sites.length === 0 ? (
        <p class="bs-muted">None: Backstory runs on every news site it knows.</p>
      ) : (
        <SiteList
          labelledBy="opt-sites"
          sites={sites}
          listRef={list}
          removeLabel={(site) => `Remove ${site}`}
          onRemove={(site) => void removeSite(site)}
        />
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
    </>
  );
}
