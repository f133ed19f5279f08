/** One wording for valibot problems, shared by message validation (serve.ts) and import. */
import type * as v from 'valibot';

/**
 * One line saying what is wrong and where, from the first issue:
 * "blocks.3: Invalid type: Expected string but received 12". With `brackets`, list positions
 * read as in code, "notes[12].body: …", which is how the import names a record in a file.
 */
export function describeIssue(
  issues: readonly [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]],
  { brackets = false }: { brackets?: boolean } = {},
): string {
  const issue = issues[0];
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    if (typeof key !== 'string' && typeof key !== 'number') return issue.message;
    path += brackets && typeof key === 'number' ? `[${key}]` : path ? `.${key}` : String(key);
  }
  return path ? `${path}: ${issue.message}` : issue.message;
}
