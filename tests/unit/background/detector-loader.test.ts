// @vitest-environment node
// The worker's model loader against the build's gzipped model files (wxt.config.ts writes them),
// served by a stand-in fetch from public/model/, as the extension package serves them.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDetector } from '@/entrypoints/background/detector-loader';
import { MODEL_FILES, packedName } from '@/lib/nlp/model-files';

const MODEL_DIR = path.resolve(__dirname, '../../../public/model');

/** A fetch that serves `files` (path in the package → bytes) and 404 for anything else. */
function serve(files: Record<string, Uint8Array>) {
  const fetch = vi.fn(async (url: string) => {
    const body = files[new URL(url).pathname];
    return body ? new Response(new Blob([new Uint8Array(body)])) : new Response('not found', { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const packed = () =>
  Object.fromEntries(
    MODEL_FILES.map((f) => [`/model/${packedName(f)}`, gzipSync(fs.readFileSync(path.join(MODEL_DIR, f)))]),
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadDetector', () => {
  it('unpacks the gzipped model files and spots names with them', async () => {
    const fetch = serve(packed());
    const detector = await loadDetector();
    const { entities } = await detector.spot(['Angela Merkel met Emmanuel Macron in Paris on Monday.']);
    expect(entities.map((e) => `${e.kind}:${e.name}`)).toEqual(
      expect.arrayContaining(['person:Angela Merkel', 'person:Emmanuel Macron', 'place:Paris']),
    );
    expect(fetch.mock.calls.map(([url]) => new URL(url).pathname).sort()).toEqual(
      MODEL_FILES.map((f) => `/model/${f}.gz`).sort(),
    );
  });

  it('says which file is missing', async () => {
    const files = packed();
    delete files['/model/tagger.json.gz'];
    serve(files);
    await expect(loadDetector()).rejects.toThrow('model file tagger.json is missing (HTTP 404)');
  });

  it('says which file is damaged when it is not gzip', async () => {
    serve({ ...packed(), '/model/gazetteer.json.gz': new TextEncoder().encode('{"version":1}') });
    await expect(loadDetector()).rejects.toThrow(/^model file gazetteer\.json is damaged/);
  });
});
