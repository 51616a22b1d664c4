// The coordinate systems Cavalier converts, and their names for the import dialog and the CLI.
// Apart from crs.ts so that the page can list them without bundling proj4 and the NTF grid.

export type CrsCode = 'EPSG:4326' | 'EPSG:2154' | 'EPSG:27572' | 'EPSG:3857';

export const CRS_CODES: readonly CrsCode[] = ['EPSG:2154', 'EPSG:27572', 'EPSG:4326', 'EPSG:3857'];

/** Names for the import dialog and the CLI. */
export const CRS_LABELS: Record<CrsCode, { fr: string; en: string }> = {
  'EPSG:2154': { fr: 'Lambert-93 (RGF93, EPSG:2154)', en: 'Lambert-93 (RGF93, EPSG:2154)' },
  'EPSG:27572': { fr: 'Lambert II étendu (NTF Paris, EPSG:27572)', en: 'Lambert II extended (NTF Paris, EPSG:27572)' },
  'EPSG:4326': { fr: 'WGS84 en degrés (EPSG:4326)', en: 'WGS84 degrees (EPSG:4326)' },
  'EPSG:3857': { fr: 'Web Mercator (pseudo-Mercator, EPSG:3857)', en: 'Web Mercator (Pseudo-Mercator, EPSG:3857)' },
};
