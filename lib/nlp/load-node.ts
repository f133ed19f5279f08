/** Node-only model loading for scripts and tests (the extension fetches the files instead). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createDetector, parseModel, MODEL_FILES, type Detector } from './detector';

/** Reads MODEL_FILES from `dir`, parses them and returns a ready detector. */
export async function loadDetectorFromDisk(dir = 'public/model'): Promise<Detector> {
  const files: Record<string, string> = {};
  for (const name of MODEL_FILES) files[name] = await readFile(path.join(dir, name), 'utf8');
  return createDetector(parseModel(files));
}
