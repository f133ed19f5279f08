import { useState } from 'preact/hooks';
import { KIND_GROUPS } from '../../components/KindBadge';
import type { PageEntity } from '../../lib/messaging/protocol';
import type { PopupDeps } from './deps';

/** The popup's line after "Show on page" could not show the name. */
async function notShownNote(deps: PopupDeps, entity: PageEntity): Promise<string> {
  const kinds = await deps.markedKinds?.().catch(() => null);
  // The page marks only the kinds the reader chose (Options), and opens no card for the others.
  if (kinds && !kinds.includes(entity.kind)) return `${KIND_GROUPS[entity.kind]} are not marked on pages (Options).`;
  return 'Could not show it on the page.';
}

export interface DetailNavProps {
  deps: PopupDeps;
  tabId: number;
  entity: PageEntity;
  onBack: () => void;
}

/** The top of an entity's view: "Back to list", "Show on page", and whether it could be shown. */
export function DetailNav({ deps, tabId, entity, onBack }: DetailNavProps) {
  const [revealNote, setRevealNote] = useState('');

  async function reveal() {
    const res = await deps.sendToTab(tabId, 'revealEntity', { key: entity.key });
    setRevealNote(res.ok && res.value.revealed ? 'Shown on the page.' : await notShownNote(deps, entity));
  }

  return (
    <>
      <div class="bs-card-actions bs-detail-nav">
        <button type="button" class="bs-btn" onClick={onBack}>
          <span aria-hidden="true">←</span> Back to list
        </button>
        <button type="button" class="bs-btn" onClick={() => void reveal()}>
          Show on page
        </button>
      </div>
      <p role="status" class="bs-status">
        {revealNote}
      </p>
    </>
  );
}
