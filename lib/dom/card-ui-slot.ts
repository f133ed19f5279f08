/**
 * How the article script gets the hover card's UI, which is a script of its own (entrypoints/card-ui.ts).
 *
 * Why: Preact and the card's components were a third of the article script, and the worker injects
 * that script into every news page while it parses (the evaluation is a task of the page's). Most
 * pages are never hovered; so the UI is injected only once a page has marks, into the same isolated
 * world, where it hands itself over through a global the page's own scripts cannot see (content
 * scripts of an extension share one isolated world per frame, apart from the page's).
 */
import type { CardReply, HoverEntity, SendFn } from '../../components/HoverCard';
import type { NoteFrameListen } from '../../components/NoteFrame';
import type { PageRef } from '../db/records';
import type { Result } from '../messaging/protocol';
import type { Box } from './place-card';

/** What the UI renders: one hover card. */
export interface CardUiProps {
  entity: HoverEntity;
  anchor: () => Box | null;
  send: SendFn;
  /** Card replies kept for the page (HoverCard's `cache`). */
  cache: Map<string, CardReply>;
  onClose: () => void;
  /** The page the card is on (the note frame saves notes against it). */
  page: PageRef;
  /** The note frame's URL (an extension page). */
  frameSrc: string;
  listen: NoteFrameListen;
}

/** The hover card's UI, as the UI script hands it over. */
export interface CardUi {
  /** The card's stylesheet, for the host's shadow root. */
  css: string;
  /** Renders (or re-renders) the card into `mount`. */
  render(mount: HTMLElement, props: CardUiProps): void;
  /** Unmounts whatever is rendered into `mount`. */
  unmount(mount: HTMLElement): void;
}

/** The isolated world's global through which the UI script hands the UI over. */
const SLOT = '__backstoryCardUi';
/** How long the loader waits for the hand-over after the worker said the script ran (ms). */
const HANDOVER_WAIT_MS = 1000;

type Scope = Record<string, unknown>;

/** Called by the UI script once it runs: gives `ui` to the article script waiting for it. */
export function offerCardUi(ui: CardUi, scope: Scope = globalThis as unknown as Scope): boolean {
  const take = scope[SLOT];
  if (typeof take !== 'function') return false;
  (take as (ui: CardUi) => void)(ui);
  return true;
}

/**
 * Returns the article script's loader of the UI: the first call asks the worker to inject the UI
 * script (`request`, the loadCardUi message) and resolves when the script hands the UI over; later
 * calls share that promise. A failure rejects with the reason, and the next call asks again.
 */
export function createCardUiLoader(
  request: () => Promise<Result<unknown>>,
  scope: Scope = globalThis as unknown as Scope,
): () => Promise<CardUi> {
  let loading: Promise<CardUi> | null = null;
  const load = () =>
    new Promise<CardUi>((resolve, reject) => {
      let handed = false;
      scope[SLOT] = (ui: CardUi) => {
        handed = true;
        resolve(ui);
      };
      request().then((r) => {
        if (handed) return;
        if (!r.ok) return reject(new Error(r.error));
        // The script ran; its hand-over may still be a few microtasks away (it imports its modules).
        setTimeout(() => reject(new Error('The hover card did not start.')), HANDOVER_WAIT_MS);
      }, reject);
    });
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
