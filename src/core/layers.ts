// The manifest of map layers written by the data pipeline (public/data/layers.json)
// and read by the app. Plain JSON.

export type LayerGroup = 'mining' | 'tvb' | 'protected' | 'network' | 'reference';
export type LayerStatus = 'official' | 'approximation' | 'to-import';

export interface Localised {
  fr: string;
  en: string;
}

export interface LayerManifestEntry {
  /** stable id, also the maplibre source id: 'terrils', 'cavaliers', 'reseau', 'tvb-reservoirs'… */
  id: string;
  title: Localised;
  group: LayerGroup;
  geometry: 'polygon' | 'line' | 'point';
  status: LayerStatus;
  /** path of the GeoJSON relative to the app's base URL (e.g. 'data/terrils.geojson'); absent when status is 'to-import' */
  url?: string;
  /** attribution, shown in the layer panel and the map's attribution */
  source: string;
  licence: string;
  /**
   * when the data describe the ground: an ISO date or year of the source's last update ('2018',
   * '2024-03-10'), shown beside the source and licence; absent for a layer to import
   */
  date?: string;
  /** plain-French explanation, mandatory for approximations and layers to import */
  note?: Localised;
  featureCount?: number;
  /**
   * Present when the layer is also served as vector tiles (the data pipeline tiles GeoJSON of
   * 16 KB or more, see data/steps/tiles.ts): the map draws the tiles, everything else reads `url`.
   */
  tiles?: LayerTiles;
  /** visible when the app opens */
  visible: boolean;
}

/** Where the vector tiles of a layer are: one PMTiles v3 archive, one source-layer per layer. */
interface LayerTiles {
  /** path of the PMTiles archive relative to the app's base URL ('data/layers.pmtiles') */
  url: string;
  /** the layer's name inside the tiles (the manifest id) */
  sourceLayer: string;
  minzoom: number;
  maxzoom: number;
  /** properties that vector tiles cannot store when null (MVT has no null): the map restores them as null */
  nullable?: string[];
}

/** The relief is a grid, not a GeoJSON layer: it sits beside the layers in the manifest. */
export interface ReliefManifestEntry {
  id: 'relief';
  title: Localised;
  status: 'approximation';
  /** header: a DemGrid without its values, plus expectedError_m, method, samples */
  url: string;
  /** little-endian Float32 values, row-major from the north-west cell */
  valuesUrl: string;
  source: string;
  licence: string;
  note: Localised;
  expectedError_m: number;
  samples: number;
}

export interface LayerManifest {
  version: 1;
  generated: string;
  /** [west, south, east, north] of the basin, for the initial view */
  bbox: [number, number, number, number];
  layers: LayerManifestEntry[];
  relief?: ReliefManifestEntry;
  /** a measured DEM over the basin, fetched by `data:build -- --dem-online` (data/dem-online.ts); absent offline */
  dem?: { url: string; valuesUrl: string; name: string; source: string; licence: string };
}
