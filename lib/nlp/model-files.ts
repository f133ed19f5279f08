/**
 * The model's files: plain under public/model/ (what the Node tools read), gzipped in the build
 * (`<file>.gz`, written by wxt.config.ts, read by entrypoints/background/detector-loader.ts).
 * A module of its own so the build config can name them without loading the detector.
 */

/** Names of the files under public/model/ that parseModel expects. */
export const MODEL_FILES: readonly string[] = ['tagger.json', 'gazetteer.json'];

/** The name of a model file in the build. */
export const packedName = (file: string): string => `${file}.gz`;
