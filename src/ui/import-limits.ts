// Size limits checked on File.size before a layer or DEM file is read (the page does not load the
// core's readers for this). Equal to MAX_LAYER_FILE_CHARS and MAX_DEM_FILE_BYTES of the core:
// test/workers/layer-engine.test.ts checks it.

/** 200 MiB: src/core/import/layer.ts MAX_LAYER_FILE_CHARS. */
export const LAYER_FILE_LIMIT_BYTES = 200 * 1024 * 1024;

/** 200 MiB: src/core/elevation/read-dem.ts MAX_DEM_FILE_BYTES. */
export const DEM_FILE_LIMIT_BYTES = 200 * 1024 * 1024;
