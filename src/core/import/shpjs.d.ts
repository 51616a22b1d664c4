// shpjs ships no types: the two parsers Cavalier uses (src/core/import/zip.ts).
declare module 'shpjs' {
  /** Geometries of a .shp (reprojected with proj4 when `prj` is a WKT string; false: as stored). */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView | DataView, prj?: string | false): unknown[];
  /** Rows of a .dbf, decoded with the .cpg's code page when given. */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView | DataView, cpg?: string | ArrayBufferView): unknown[];
  const getShapefile: (base: unknown, whiteList?: string[]) => Promise<unknown>;
  export default getShapefile;
}
