import { TimelinePanel } from '../../components/Timeline';
import type { PageEntity } from '../../lib/messaging/protocol';
import type { PopupDeps } from './deps';

/** Props of {@link PageTimeline}. */
interface PageTimelineProps {
  deps: PopupDeps;
  tabId: number;
  entities: PageEntity[];
  onBack: () => void;
  onChooseEntity: (entity: PageEntity) => void;
}

/** The popup's timeline view: "Back to list", then the tab's article dates as a line. */
export function PageTimeline({ deps, tabId, entities, onBack, onChooseEntity }: PageTimelineProps) {
  return (
    <>
      <div class="bs-card-actions bs-detail-nav">
        <button type="button" class="bs-btn" onClick={onBack}>
          <span aria-hidden="true">←</span> Back to list
        </button>
      </div>
      <div class="bs-timeline">
        <TimelinePanel
          load={() => deps.sendToTab(tabId, 'getArticleText', {})}
          entities={entities}
          reveal={async (p) => {
            const r = await deps.sendToTab(tabId, 'revealPassage', p);
            return r.ok && r.value.revealed;
          }}
          onChooseEntity={onChooseEntity}
        />
      </div>
    </>
  );
}
