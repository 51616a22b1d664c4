// vt-pbf ships no types: the one function the pipeline uses.
declare module 'vt-pbf' {
  interface GeojsonVtTileLike {
    features: unknown[];
  }
  const vtpbf: {
    /** layers: source-layer name → a geojson-vt tile; returns the uncompressed MVT bytes */
    fromGeojsonVt(layers: Record<string, GeojsonVtTileLike>, options?: { version?: number; extent?: number }): Uint8Array;
  };
  export default vtpbf;
}
