/**
 * Scoring CLI: reads JSON lines {"id","text"} on stdin and writes one line per
 * input {"id","entities":[{"start","end","kind","text"}]} (UTF-16 offsets, end
 * exclusive). Bad lines get a message on stderr naming their line number; the
 * others are still processed and the exit code is 1 at the end. Streams line
 * by line, so memory stays flat however many lines come in.
 *
 *   npm run --silent spot < docs.jsonl > spans.jsonl
 */
import readline from 'node:readline';
import path from 'node:path';
import { loadDetectorFromDisk } from '../lib/nlp/load-node';

const MODEL_DIR = path.resolve(import.meta.dirname, '../public/model');

async function main(): Promise<number> {
  const detector = await loadDetectorFromDisk(MODEL_DIR);
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0,
    bad = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let doc: { id?: unknown; text?: unknown };
    try {
      doc = JSON.parse(line) as { id?: unknown; text?: unknown };
    } catch (e) {
      bad++;
      process.stderr.write(`spot: line ${lineNo}: not valid JSON (${(e as Error).message})\n`);
      continue;
    }
    if (!doc || typeof doc !== 'object' || typeof doc.text !== 'string') {
      bad++;
      process.stderr.write(`spot: line ${lineNo}: expected an object with a string "text" field\n`);
      continue;
    }
    const text = doc.text;
    const { spans, entities } = detector.spot([text]);
    const kindOf = new Map(entities.map((e) => [e.key, e.kind]));
    const out = spans.map((s) => ({
      start: s.start,
      end: s.end,
      kind: kindOf.get(s.entityKey),
      text: text.slice(s.start, s.end),
    }));
    // Respect back-pressure so a slow reader never makes output pile up in memory.
    if (!process.stdout.write(JSON.stringify({ id: doc.id ?? null, entities: out }) + '\n')) {
      await new Promise((r) => process.stdout.once('drain', r));
    }
  }
  if (bad) process.stderr.write(`spot: ${bad} bad line(s) out of ${lineNo}\n`);
  return bad ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`spot: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
