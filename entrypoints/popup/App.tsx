import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EntityList } from '../../components/EntityList';
import { TimelinePanel } from '../../components/Timeline';
import type { PageEntity } from '../../lib/messaging/protocol';
import { siteOfUrl } from '../../lib/sites/site-access';
import type { PopupDeps } from './deps';
import { EntityDetail } from './EntityDetail';
import { NotRunning } from './NotRunning';
import { EMPTY_RETRIES, injectAndPoll, pollPageState, type View, viewOf } from './page-state';
import { ScanWholePage } from './ScanWholePage';
import { StopOnSite } from './SiteButtons';

/** The toolbar popup: the page's names by kind; choosing one shows its card and notes. */
export function App({ deps }: { deps: PopupDeps }) {
  const [view, setView] = useState<View>({ s: 'loading' });
  const [chosen, setChosen] = useState<PageEntity | null>(null);
  const [timeline, setTimeline] = useState(false);
  // The tab's site ("bbc.co.uk"), for "Run on this site" / "Stop running on this site"; null on other pages.
  const [site, setSite] = useState<string | null>(null);
  const lastKey = useRef<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void (async () => {
      try {
        const tab = await deps.findTab();
        if (!tab) return setView({ s: 'failed', message: 'There is no page to look at in this window.' });
        setSite(siteOfUrl(tab.url));
        setView(viewOf(tab.id, await pollPageState(deps, tab.id, EMPTY_RETRIES, false)));
      } catch (e) {
        setView({ s: 'failed', message: `Could not read this tab: ${e instanceof Error ? e.message : String(e)}` });
      }
    })();
  }, [deps]);

  // Back from a card: put keyboard focus on the name that was chosen.
  useEffect(() => {
    if (chosen || !lastKey.current || !listRef.current) return;
    const key = lastKey.current;
    const button = [...listRef.current.querySelectorAll<HTMLElement>('button[data-key]')].find(
      (b) => b.dataset.key === key,
    );
    button?.focus();
  }, [chosen]);

  async function run(tabId: number) {
    setView({ s: 'notRunning', tabId, busy: true });
    setView(await injectAndPoll(deps, tabId));
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
        <p>No article found on this page.</p>
        <ScanWholePage deps={deps} onScanned={(tabId, page) => setView({ s: 'list', tabId, page })} />
      </>
    );
  } else if (chosen) {
    body = (
      <EntityDetail
        deps={deps}
        tabId={view.tabId}
        entity={chosen}
        page={{ url: view.page.url, title: view.page.title }}
        onBack={() => setChosen(null)}
      />
    );
  } else if (timeline) {
    const tabId = view.tabId;
    body = (
      <>
        <div class="bs-card-actions bs-detail-nav">
          <button type="button" class="bs-btn" onClick={() => setTimeline(false)}>
            <span aria-hidden="true">←</span> Back to list
          </button>
        </div>
        <TimelinePanel
          load={() => deps.sendToTab(tabId, 'getArticleText', {})}
          entities={view.page.entities}
          reveal={async (p) => {
            const r = await deps.sendToTab(tabId, 'revealPassage', p);
            return r.ok && r.value.revealed;
          }}
          onChooseEntity={setChosen}
        />
      </>
    );
  } else {
    const n = view.page.entities.length;
    body = (
      <div ref={listRef}>
        {n > 0 && (
          <div class="bs-card-actions">
            {/* The article's dates as a line, oldest first (components/Timeline.tsx). */}
            <button type="button" class="bs-btn" onClick={() => setTimeline(true)}>
              Timeline
            </button>
          </div>
        )}
        {n > 0 && (
          <p class="bs-muted bs-page-line">
            {n} {n === 1 ? 'name' : 'names'} on <span class="bs-page-title">{view.page.title || 'this page'}</span>
          </p>
        )}
        <EntityList
          entities={view.page.entities}
          onChoose={(e) => {
            lastKey.current = e.key;
            setChosen(e);
          }}
        />
      </div>
    );
  }

  return (
    <main class="bs-root bs-popup">
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
        <StopOnSite site={site} sites={deps.sites} />
      )}
    </main>
  );
}
