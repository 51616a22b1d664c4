// The coordinate systems Cavalier converts (their names are the dictionary's: crs.EPSG:… in src/i18n/layers.ts).
// Apart from crs.ts so that the page can list them without bundling proj4 and the NTF grid.

export type CrsCode = 'EPSG:4326' | 'EPSG:2154' | 'EPSG:27572' | 'EPSG:3857';

export const CRS_CODES: readonly CrsCode[] = ['EPSG:2154', 'EPSG:27572', 'EPSG:4326', 'EPSG:3857'];
