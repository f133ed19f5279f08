/**
 * The hover card's UI as the UI script (entrypoints/card-ui.ts) hands it to the article script:
 * Preact, the card, and the note frame inside it. See lib/dom/card-ui-slot.ts for why it is apart.
 */
import { render } from 'preact';
import type { CardUi } from '../lib/dom/card-ui-slot';
import { HoverCard, hoverCardCss } from './HoverCard';
import { NoteFrame, noteFrameCss } from './NoteFrame';
import { uiCss } from './styles';

/** The card UI: renders a HoverCard whose notes are the note frame. */
export const cardUi: CardUi = {
  css: `${uiCss}\n${hoverCardCss}\n${noteFrameCss}`,
  render(mount, { entity, anchor, send, cache, onClose, page, frameSrc, listen }) {
    render(
      <HoverCard
        key={entity.key}
        entity={entity}
        anchor={anchor}
        send={send}
        cache={cache}
        onClose={onClose}
        renderNotes={({ cardId, refresh, relayout }) => (
          <NoteFrame
            src={frameSrc}
            params={{
              name: entity.name,
              kind: entity.kind,
              aliases: entity.aliases.slice(0, 50),
              ...(cardId ? { cardId } : {}),
              page,
            }}
            listen={listen}
            onChanged={refresh}
            onClose={onClose}
            onResize={relayout}
          />
        )}
      />,
      mount,
    );
  },
  unmount(mount) {
    render(null, mount);
  },
};
