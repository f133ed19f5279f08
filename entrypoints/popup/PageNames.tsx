import { EntityList } from '../../components/EntityList';
import type { PageEntity, PageState } from '../../lib/messaging/protocol';

/** Props of {@link PageNames}. */
interface PageNamesProps {
  page: PageState;
  /** Done asking the tab again: an empty list now means "no names", not "still looking". */
  settled?: boolean;
  onTimeline: () => void;
  onChoose: (entity: PageEntity) => void;
}

/** The popup's list view: the Timeline button, "N names on …", and the page's names by kind. */
export function PageNames({ page, settled, onTimeline, onChoose }: PageNamesProps) {
  const n = page.entities.length;
  return (
    <div>
      {n > 0 && (
        <div class="bs-card-actions">
          {/* The article's dates as a line, oldest first (components/Timeline.tsx). */}
          <button type="button" class="bs-btn" data-timeline onClick={onTimeline}>
            Timeline
          </button>
        </div>
      )}
      {n > 0 && (
        <p class="bs-muted bs-page-line" data-view-start>
          {n} {n === 1 ? 'name' : 'names'} on <span class="bs-page-title">{page.title || 'this page'}</span>
        </p>
      )}
      {n === 0 && !settled ? (
        <p role="status" class="bs-muted" data-view-start>
          Looking for names on this page…
        </p>
      ) : (
        <EntityList entities={page.entities} onChoose={onChoose} />
      )}
    </div>
  );
}
