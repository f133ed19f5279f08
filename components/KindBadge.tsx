import type { EntityKind } from '../lib/entity';

/** Reader-facing singular label of each kind. */
export const KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  event: 'Event',
};

/** Reader-facing plural group heading of each kind. */
export const KIND_GROUPS: Record<EntityKind, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  event: 'Events',
};

// One 16×16 outline path per kind: a shape as well as a word, so the kind never rests on colour.
const ICON_PATHS: Record<EntityKind, string> = {
  person: 'M8 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-5.5 6.5c0-3 2.5-4.5 5.5-4.5s5.5 1.5 5.5 4.5',
  organization: 'M2.5 14.5h11M3.5 14.5V6l4.5-3.5L12.5 6v8.5M6 14.5v-4h4v4M6 7.5h4',
  place: 'M8 14.5s4.5-4.3 4.5-8a4.5 4.5 0 0 0-9 0c0 3.7 4.5 8 4.5 8Zm0-6.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z',
  event: 'M2.5 4h11v10h-11zM2.5 7h11M5.5 2v3M10.5 2v3',
};

/** The decorative outline icon of a kind (hidden from assistive technology). */
export function KindIcon({ kind }: { kind: EntityKind }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[kind]} fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round" />
    </svg>
  );
}

/** Badge showing an entity's kind as an icon plus its word ("Person", "Place", ...). */
export function KindBadge({ kind }: { kind: EntityKind }) {
  return (
    <span class="bs-kind">
      <KindIcon kind={kind} />
      <span>{KIND_LABELS[kind]}</span>
    </span>
  );
}
