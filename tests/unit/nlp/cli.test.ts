// The scoring CLI (scripts/spot.ts): output contract and error handling on bad lines.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve('.');

function runCli(input: string) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/spot.ts')], {
    input,
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, out: res.stdout.split('\n').filter(Boolean), err: res.stderr };
}

describe('npm run spot', () => {
  it('writes one line per valid input with UTF-16 offsets, kinds and texts', () => {
    const text = '😀 Jens Stoltenberg said Nato’s summit in Brussels\r\nwas tense.';
    const { code, out, err } = runCli(
      JSON.stringify({ id: 'a', text }) + '\n' + JSON.stringify({ id: 7, text: '' }) + '\n',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    const first = JSON.parse(out[0]!) as {
      id: string;
      entities: { start: number; end: number; kind: string; text: string }[];
    };
    expect(first.id).toBe('a');
    for (const e of first.entities) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(['person', 'organization', 'place', 'event']).toContain(e.kind);
    }
    expect(first.entities).toContainEqual({ start: 3, end: 19, kind: 'person', text: 'Jens Stoltenberg' });
    expect(JSON.parse(out[1]!)).toEqual({ id: 7, entities: [] });
  });

  it('reports bad lines by number on stderr, still processes the rest, and exits non-zero', () => {
    const lines = [
      JSON.stringify({ id: 'ok1', text: 'Angela Merkel met Emmanuel Macron in Paris.' }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'no-text', body: 'x' }),
      JSON.stringify({ id: 'num', text: 42 }),
      JSON.stringify({ id: 'ok2', text: 'Boris Johnson spoke in London.' }),
    ];
    const { code, out, err } = runCli(lines.join('\n') + '\n');
    expect(code).not.toBe(0);
    expect(out.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['ok1', 'ok2']);
    expect(err).toMatch(/line 2: not valid JSON/);
    expect(err).toMatch(/line 3: expected an object with a string "text" field/);
    expect(err).toMatch(/line 4: expected an object with a string "text" field/);
    expect(err).not.toMatch(/line [15]\b/);
  });
});
