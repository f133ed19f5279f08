import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageEntity } from '../../lib/messaging/protocol';
import { siteOfUrl } from '../../lib/sites/site-access';
import { contextNames } from '../../lib/lookup/page-context';
import type { PopupDeps } from './deps';
import { EntityDetail } from './EntityDetail';
import { useFocusAfterRender } from './focus-after-render';
import { NotRunning } from './NotRunning';
import { EMPTY_RETRIES, injectAndPoll, pollPageState, refresh, type View, viewOf } from './page-state';
import { PageNames } from './PageNames';
import { PageTimeline } from './PageTimeline';
import { ScanWholePage } from './ScanWholePage';
import { SiteLine } from './SiteButtons';
import { focusTarget } from './view-focus';

/** The toolbar popup: the page's names by kind; choosing one shows its card and notes. */
export function App({ deps }: { deps: PopupDeps }) {
  const [view, setView] = useState<View>({ s: 'loading' });
  const [chosen, setChosen] = useState<PageEntity | null>(null);
  const [timeline, setTimeline] = useState(false);
  // The tab's site ("bbc.co.uk"), for "Run on this site" / "Stop running on this site"; null on other pages.
  const [site, setSite] = useState<string | null>(null);
  // A private window's tab: notes written here keep no page address or title (README).
  const [incognito, setIncognito] = useState(false);
  const lastKey = useRef<string | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  // After each render: move focus where the last view change asked (see FocusTarget).
  // At commit, not after paint: a deferred effect of an earlier render would take the target first.
  const focusNext = useFocusAfterRender(rootRef, focusTarget);

  useEffect(() => {
    void (async () => {
      try {
        const tab = await deps.findTab();
        if (!tab) return setView({ s: 'failed', message: 'There is no page to look at in this window.' });
        setSite(siteOfUrl(tab.url));
        setIncognito(tab.incognito === true);
        setView(viewOf(tab.id, await pollPageState(deps, tab.id, EMPTY_RETRIES, false)));
      } catch (e) {
        setView({ s: 'failed', message: `Could not read this tab: ${e instanceof Error ? e.message : String(e)}` });
      }
    })();
  }, [deps]);

  // An empty list may only mean the page is still loading, and a page still marking has more
  // names to come: keep asking until the list settles.
  useEffect(() => {
    if (view.s !== 'list' || view.settled) return;
    let live = true;
    void refresh(deps, view).then((next) => live && setView(next));
    return () => {
      live = false;
    };
  }, [deps, view]);

  /** Opens (or closes) the timeline, with focus on its heading (or back on its button). */
  function showTimeline(open: boolean) {
    focusNext.current = open ? 'timelineHeading' : 'timelineButton';
    setTimeline(open);
  }

  /** Back from a card: to the timeline it was opened from, or to the name chosen in the list. */
  function back() {
    focusNext.current = timeline ? 'timelineHeading' : lastKey.current ? { entity: lastKey.current } : null;
    setChosen(null);
  }

  async function run(tabId: number) {
    setView({ s: 'notRunning', tabId, busy: true });
    const next = await injectAndPoll(deps, tabId);
    // The pressed button is gone once the names show (or disabled while it ran): focus the new view.
    focusNext.current = 'viewStart';
    setView(next);
  }

  let body: ComponentChildren;
  if (view.s === 'loading') {
    body = (
      <p role="status" class="bs-muted">
        Looking at this page…
      </p>
    );
  } else if (view.s === 'failed') {
    body = (
      <p role="alert" class="bs-error">
        {view.message}
      </p>
    );
  } else if (view.s === 'notRunning') {
    const tabId = view.tabId;
    body = <NotRunning deps={deps} site={site} busy={view.busy} error={view.error} run={() => run(tabId)} />;
  } else if (view.s === 'noArticle') {
    body = (
      <>
        <p data-view-start>No article found on this page.</p>
        <ScanWholePage
          deps={deps}
          onScanned={(tabId, page) => {
            focusNext.current = 'viewStart';
            setView({ s: 'list', tabId, page, settled: true });
          }}
        />
      </>
    );
  } else if (chosen) {
    body = (
      <EntityDetail
        deps={deps}
        tabId={view.tabId}
        entity={chosen}
        page={incognito ? undefined : { url: view.page.url, title: view.page.title }}
        context={contextNames(view.page.entities, chosen.name)}
        onBack={back}
      />
    );
  } else if (timeline) {
    body = (
      <PageTimeline
        deps={deps}
        tabId={view.tabId}
        entities={view.page.entities}
        onBack={() => showTimeline(false)}
        onChooseEntity={setChosen}
      />
    );
  } else {
    body = (
      <PageNames
        page={view.page}
        settled={view.settled}
        onTimeline={() => showTimeline(true)}
        onChoose={(e) => {
          lastKey.current = e.key;
          setChosen(e);
        }}
      />
    );
  }

  return (
    <main class="bs-root bs-popup" ref={rootRef}>
      <div
        class="bs-popup-head"
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: '8px' }}
      >
        <h1 class="bs-popup-title">Backstory</h1>
        {/* The notebook is a full extension page: every note, search, export. */}
        <button
          type="button"
          class="bs-btn"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/notebook.html') })}
        >
          Notebook
        </button>
      </div>
      {body}
      {site && deps.sites && (view.s === 'list' || view.s === 'noArticle') && !chosen && !timeline && (
        <SiteLine site={site} sites={deps.sites} />
      )}
    </main>
  );
}
