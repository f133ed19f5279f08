/**
 * Reading a Backstory export file before anything is written: the size limit, JSON, the format
 * and version, every record against the file's schema, and duplicate ids. Each refusal says what
 * is wrong and where.
 */
import * as v from 'valibot';
import {
  type BackstoryExport,
  describeIssue,
  EXPORT_FORMAT,
  exportSchema,
  exportSchemaV1,
  READABLE_VERSIONS,
  upgradeV1,
} from './format';

/** "50 MB" / "1.2 MB". */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** A first duplicate id within one list, as "notes[5].id: ...", or null. */
function duplicateId(list: readonly { id: string }[], where: string): string | null {
  const first = new Map<string, number>();
  for (const [i, { id }] of list.entries()) {
    const seen = first.get(id);
    if (seen !== undefined) return `${where}[${i}].id: duplicate id "${id}" (also ${where}[${seen}])`;
    first.set(id, i);
  }
  return null;
}

/**
 * Parses and validates export text. Returns the file's content or a message saying what is
 * wrong and where (the first problem found).
 */
export function parseExport(text: string): { ok: true; data: BackstoryExport } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The file is not JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      error: 'The file is JSON but not a Backstory export: expected an object at the top level.',
    };
  }
  const top = raw as { format?: unknown; version?: unknown };
  if (top.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      error: `This is not a Backstory export: format is ${JSON.stringify(top.format) ?? 'missing'}, expected "${EXPORT_FORMAT}".`,
    };
  }
  if (typeof top.version !== 'number' || !READABLE_VERSIONS.includes(top.version)) {
    return {
      ok: false,
      error: `This export is version ${JSON.stringify(top.version) ?? 'missing'}; this Backstory reads versions ${READABLE_VERSIONS.join(' and ')}.`,
    };
  }
  let data: BackstoryExport;
  if (top.version === 1) {
    const parsed = v.safeParse(exportSchemaV1, raw, { abortEarly: true });
    if (!parsed.success)
      return { ok: false, error: `The file was not imported: ${describeIssue(parsed.issues, { brackets: true })}.` };
    // Version 1 was laxer about bodies and tags: what it lets in must still be a version-2 note, or
    // the reader's next backup of it (and an Undo of its deletion) would be refused.
    const upgraded = v.safeParse(exportSchema, upgradeV1(parsed.output), { abortEarly: true });
    if (!upgraded.success)
      return { ok: false, error: `The file was not imported: ${describeIssue(upgraded.issues, { brackets: true })}.` };
    data = upgraded.output;
  } else {
    const parsed = v.safeParse(exportSchema, raw, { abortEarly: true });
    if (!parsed.success)
      return { ok: false, error: `The file was not imported: ${describeIssue(parsed.issues, { brackets: true })}.` };
    data = parsed.output;
  }
  const dup = duplicateId(data.cards, 'cards') ?? duplicateId(data.notes, 'notes');
  if (dup) return { ok: false, error: `The file was not imported: ${dup}.` };
  return { ok: true, data };
}

/** Reads a file or text, refusing anything over `maxBytes` before reading it. */
export async function readSource(
  source: Blob | string,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const size = typeof source === 'string' ? new Blob([source]).size : source.size;
  if (size > maxBytes) {
    return {
      ok: false,
      error: `The file is too large to import (${megabytes(size)}; the limit is ${megabytes(maxBytes)}).`,
    };
  }
  return { ok: true, text: typeof source === 'string' ? source : await source.text() };
}
