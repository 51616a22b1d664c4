// Map styles as data: the offline base style, one style family per kind of embedded layer,
// and the legend swatch of each family (the layer panel draws the swatch, so it always matches the map).
// Only types come from maplibre-gl here.

import type { LayerSpecification, StyleSpecification, ExpressionSpecification, RasterSourceSpecification } from 'maplibre-gl';
import type { LayerManifestEntry } from '../core/layers';
import { LABEL_FONT, labelFontFaces } from './fonts';

/** [west, south, east, north] used before the manifest arrives (Béthune to Valenciennes). */
export const DEFAULT_BBOX: [number, number, number, number] = [2.45, 50.3, 3.62, 50.62];

export const PALETTE = {
  background: '#f2efe6',
  terril: '#3a4049',
  terrilOutline: '#15181c',
  cavalier: '#c0601a',
  cavalierCasing: '#fff6ea',
  unesco: '#e39a4f',
  unescoOutline: '#a4520f',
  neo: '#1f9e8f',
  neoOutline: '#13786c',
  protected: '#d1262f',
  tvb: '#43a047',
  tvbOutline: '#2e7d32',
  commune: '#8f969c',
  shaft: '#4e342e',
  bassin: '#4a5663',
  reseau: '#6b6478',
  reseauGap: '#5b3f99',
  generic: '#7e57c2',
  friche: '#8d6e63',
  fricheOutline: '#4e342e',
  veloroute: '#2e7d32',
  hiking: '#c62828',
  cycling: '#1565c0',
  site: '#6a1b9a',
  // labels
  cavalierText: '#7a3a0c',
  routeText: '#1b5e20',
  placeText: '#2b3038',
  terrilText: '#15181c',
  halo: '#fffdf7',
  placeHighlight: '#ffd400',
} as const;

export type LayerFamily =
  | 'terrils'
  | 'cavaliers'
  | 'cavaliers-unesco'
  | 'neo-natural'
  | 'protected'
  | 'tvb'
  | 'communes'
  | 'shafts'
  | 'bassin'
  | 'reseau'
  | 'friches'
  | 'veloroutes'
  | 'osm-routes'
  | 'sites'
  | 'generic';

type EntryLike = Pick<LayerManifestEntry, 'id' | 'group' | 'geometry'>;

/** Which style family draws a manifest entry: by id first, then by group and geometry. */
export function familyOf(entry: EntryLike): LayerFamily {
  const id = entry.id.toLowerCase();
  // the display layers of the mission, by id before their groups (véloroutes are « Chemins », not the network)
  if (id.includes('friche')) return 'friches';
  if (id.includes('sites-classes') || id.includes('site-classe')) return 'sites';
  if (entry.geometry === 'line' && (id.includes('velo') || id.includes('voie-verte'))) return 'veloroutes';
  if (entry.geometry === 'line' && id.includes('osm-route')) return 'osm-routes';
  if (id === 'reseau' || entry.group === 'network') return 'reseau';
  if (id.includes('terril')) return 'terrils';
  if (id.includes('unesco') || id.includes('patrimoine-mondial')) {
    return entry.geometry === 'line' ? 'cavaliers' : 'cavaliers-unesco';
  }
  if (id.includes('cavalier')) return entry.geometry === 'polygon' ? 'cavaliers-unesco' : 'cavaliers';
  if (id.includes('puits') || id.includes('shaft') || (entry.group === 'mining' && entry.geometry === 'point')) {
    return 'shafts';
  }
  if (id.includes('commune')) return 'communes';
  if (id.includes('bassin') || id.includes('perimetre') || id.includes('contour') || id.includes('outline')) {
    return 'bassin';
  }
  if (id.includes('neo')) return 'neo-natural';
  if (entry.group === 'tvb') return 'tvb';
  if (entry.group === 'protected') return 'protected';
  return 'generic';
}

/** Drawing order, bottom to top. */
const FAMILY_ORDER: LayerFamily[] = [
  'bassin',
  'communes',
  'neo-natural',
  'cavaliers-unesco',
  'terrils',
  // translucent TVB areas over terrils tint them, which tells that a spoil heap is a reservoir
  'tvb',
  'sites',
  // protections above every area: they matter most to the reviewers
  'protected',
  'generic',
  'veloroutes',
  'osm-routes',
  'reseau',
  'cavaliers',
  'friches',
  'shafts',
];

export function familyRank(entry: EntryLike): number {
  const family = familyOf(entry);
  // lines and points of a family go above its polygons
  const geomBias = entry.geometry === 'polygon' ? 0 : entry.geometry === 'line' ? 0.3 : 0.6;
  return FAMILY_ORDER.indexOf(family) + geomBias;
}

/** Id of the image used as the hatch pattern of protected areas (made at run time, no network). */
export const HATCH_IMAGE = 'cav-hatch-red';

/** An 16×16 RGBA diagonal hatch, transparent between the strokes. */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 16;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [0xd1, 0x26, 0x2f];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = (x + y) % size; // 45° stripes that tile seamlessly
      const on = d < 2;
      const i = (y * size + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = on ? 210 : 0;
    }
  }
  return { width: size, height: size, data };
}

const zoomWidth = (base: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 8, base * 0.6, 12, base, 16, base * 2.2];

/**
 * The maplibre layers of one manifest entry. The first layer's id is the manifest id itself
 * (so `map.getLayoutProperty('terrils', 'visibility')` is meaningful); helpers get a `--suffix`.
 */
export function layersFor(entry: EntryLike, visible: boolean, tiles?: { source: string; sourceLayer: string }): LayerSpecification[] {
  const specs = layerSpecs(entry, visible, tiles?.source ?? entry.id);
  const label = lineLabelSpec(entry, visible, tiles?.source ?? entry.id);
  if (label) specs.push(label);
  // from vector tiles: every layer reads the entry's source-layer of the archive's source
  return tiles ? specs.map((l) => ({ ...l, 'source-layer': tiles.sourceLayer }) as LayerSpecification) : specs;
}

function layerSpecs(entry: EntryLike, visible: boolean, source: string): LayerSpecification[] {
  const id = entry.id;
  const layout = { visibility: visible ? ('visible' as const) : ('none' as const) };
  const family = familyOf(entry);
  // tiled GeoJSON reports multi-geometries as their single type; the Multi* names are listed for safety
  const isPolygon: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
  const isLine: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]];
  const isPoint: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];

  switch (family) {
    case 'terrils':
      return [
        { id, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-color': PALETTE.terril, 'fill-opacity': 0.78 } },
        {
          id: `${id}--outline`,
          type: 'line',
          source,
          layout,
          filter: isPolygon,
          paint: { 'line-color': PALETTE.terrilOutline, 'line-width': zoomWidth(1.2) },
        },
        {
          id: `${id}--point`,
          type: 'circle',
          source,
          layout,
          filter: isPoint,
          paint: {
            'circle-color': PALETTE.terril,
            'circle-radius': 5,
            'circle-stroke-color': PALETTE.terrilOutline,
            'circle-stroke-width': 1,
          },
        },
      ];
    case 'cavaliers':
      return [
        {
          id,
          type: 'line',
          source,
          layout: { ...layout, 'line-cap': 'round', 'line-join': 'round' },
          paint: { 'line-color': PALETTE.cavalier, 'line-width': zoomWidth(3) },
        },
      ];
    case 'cavaliers-unesco':
      return [
        { id, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-color': PALETTE.unesco, 'fill-opacity': 0.28 } },
        {
          id: `${id}--outline`,
          type: 'line',
          source,
          layout: { ...layout, 'line-join': 'round' },
          paint: { 'line-color': PALETTE.unescoOutline, 'line-width': zoomWidth(1.6) },
        },
      ];
    case 'neo-natural':
      return [
        { id, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-color': PALETTE.neo, 'fill-opacity': 0.3 } },
        {
          id: `${id}--outline`,
          type: 'line',
          source,
          layout,
          paint: { 'line-color': PALETTE.neoOutline, 'line-width': zoomWidth(1.2) },
        },
      ];
    case 'protected':
      return [
        { id, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-color': PALETTE.protected, 'fill-opacity': 0.1 } },
        { id: `${id}--hatch`, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.85 } },
        {
          id: `${id}--outline`,
          type: 'line',
          source,
          layout,
          paint: { 'line-color': PALETTE.protected, 'line-width': zoomWidth(1.8), 'line-dasharray': [3, 2] },
        },
      ];
    case 'tvb':
      return [
        { id, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-color': PALETTE.tvb, 'fill-opacity': 0.22 } },
        {
          id: `${id}--outline`,
          type: 'line',
          source,
          layout,
          filter: isPolygon,
          paint: { 'line-color': PALETTE.tvbOutline, 'line-width': zoomWidth(0.9), 'line-opacity': 0.8 },
        },
        {
          id: `${id}--line`,
          type: 'line',
          source,
          layout: { ...layout, 'line-cap': 'round' },
          filter: isLine,
          paint: { 'line-color': PALETTE.tvbOutline, 'line-width': zoomWidth(2.4), 'line-dasharray': [2, 1.5] },
        },
      ];
    case 'communes':
      return [
        // an invisible fill so that clicking inside a commune can tell its name
        { id, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-color': PALETTE.commune, 'fill-opacity': 0 } },
        {
          id: `${id}--outline`,
          type: 'line',
          source,
          layout,
          paint: { 'line-color': PALETTE.commune, 'line-width': zoomWidth(0.8), 'line-opacity': 0.9 },
        },
      ];
    case 'shafts':
      return [
        {
          id,
          type: 'circle',
          source,
          layout,
          paint: {
            'circle-color': PALETTE.shaft,
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 2, 12, 3.5, 16, 6],
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1,
          },
        },
      ];
    case 'bassin':
      return [
        {
          id,
          type: 'line',
          source,
          layout: { ...layout, 'line-join': 'round' },
          paint: { 'line-color': PALETTE.bassin, 'line-width': zoomWidth(2.2), 'line-opacity': 0.85 },
        },
        {
          id: `${id}--halo`,
          type: 'line',
          source,
          layout: { ...layout, 'line-join': 'round' },
          paint: { 'line-color': PALETTE.bassin, 'line-width': zoomWidth(9), 'line-opacity': 0.08 },
        },
      ];
    case 'reseau':
      return [
        {
          id,
          type: 'line',
          source,
          layout: { ...layout, 'line-cap': 'round', 'line-join': 'round' },
          filter: ['!=', ['get', 'kind'], 'gap'],
          paint: {
            'line-color': PALETTE.reseau,
            'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 12, 1, 16, 2.5],
            'line-opacity': 0.75,
          },
        },
        {
          id: `${id}--gap`,
          type: 'line',
          source,
          layout,
          filter: ['==', ['get', 'kind'], 'gap'],
          paint: {
            // joins that are not verified paths: dashed and a little stronger, so reviewers notice them
            'line-color': PALETTE.reseauGap,
            'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 12, 1.4, 16, 3],
            'line-opacity': 0.9,
            'line-dasharray': [1.5, 1.5],
          },
        },
      ];
    case 'friches':
      // « friche potentielle » (unverified) hollow, the verified ones filled: the map says which is which
      return [
        {
          id,
          type: 'circle',
          source,
          layout,
          filter: isPoint,
          paint: {
            'circle-color': ['case', ['==', ['get', 'verifiee'], false], 'rgba(255,255,255,0.15)', PALETTE.friche],
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 12, 4.5, 16, 7],
            'circle-stroke-color': ['case', ['==', ['get', 'verifiee'], false], PALETTE.friche, PALETTE.fricheOutline],
            'circle-stroke-width': ['case', ['==', ['get', 'verifiee'], false], 1.6, 1],
          },
        },
      ];
    case 'veloroutes':
      // planned stretches dashed: they may not exist on the ground
      return [
        {
          id,
          type: 'line',
          source,
          layout: { ...layout, 'line-cap': 'round', 'line-join': 'round' },
          filter: ['!=', ['get', 'etat'], 'projet'],
          paint: { 'line-color': PALETTE.veloroute, 'line-width': zoomWidth(2.4), 'line-opacity': 0.85 },
        },
        {
          id: `${id}--planned`,
          type: 'line',
          source,
          layout,
          filter: ['==', ['get', 'etat'], 'projet'],
          paint: { 'line-color': PALETTE.veloroute, 'line-width': zoomWidth(1.8), 'line-opacity': 0.7, 'line-dasharray': [2, 2] },
        },
      ];
    case 'osm-routes':
      // dashes as separate layers: line-dasharray takes no data expression
      return [
        {
          id,
          type: 'line',
          source,
          layout: { ...layout, 'line-cap': 'round', 'line-join': 'round' },
          filter: ['!=', ['get', 'etat'], 'projet'],
          paint: {
            'line-color': ['case', ['==', ['get', 'mode'], 'walk'], PALETTE.hiking, PALETTE.cycling],
            'line-width': zoomWidth(1.8),
            'line-opacity': 0.8,
          },
        },
        {
          id: `${id}--planned`,
          type: 'line',
          source,
          layout,
          filter: ['==', ['get', 'etat'], 'projet'],
          paint: {
            'line-color': ['case', ['==', ['get', 'mode'], 'walk'], PALETTE.hiking, PALETTE.cycling],
            'line-width': zoomWidth(1.4),
            'line-opacity': 0.7,
            'line-dasharray': [1.5, 2],
          },
        },
      ];
    case 'sites':
      return [
        { id, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-color': PALETTE.site, 'fill-opacity': 0.1 } },
        {
          id: `${id}--outline`,
          type: 'line',
          source,
          layout: { ...layout, 'line-join': 'round' },
          filter: ['all', isPolygon, ['!=', ['get', 'kind'], 'site inscrit']],
          paint: { 'line-color': PALETTE.site, 'line-width': zoomWidth(1.4) },
        },
        {
          // a site inscrit is the lighter protection: its outline is dashed
          id: `${id}--inscrit`,
          type: 'line',
          source,
          layout: { ...layout, 'line-join': 'round' },
          filter: ['all', isPolygon, ['==', ['get', 'kind'], 'site inscrit']],
          paint: { 'line-color': PALETTE.site, 'line-width': zoomWidth(1.2), 'line-dasharray': [2, 1.5] },
        },
      ];
    default:
      return [
        { id, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-color': PALETTE.generic, 'fill-opacity': 0.2 } },
        { id: `${id}--line`, type: 'line', source, layout, filter: ['!', isPoint], paint: { 'line-color': PALETTE.generic, 'line-width': zoomWidth(1.4) } },
        {
          id: `${id}--point`,
          type: 'circle',
          source,
          layout,
          filter: isPoint,
          paint: { 'circle-color': PALETTE.generic, 'circle-radius': 4, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 },
        },
      ];
  }
}

/** Named lines whose names are written along them: the cavaliers, the véloroutes and walking routes. */
const LABELLED_LINE = /cavalier|velo|voie-verte|osm-route/;

/** The `--label` layer of a line layer that has names, or null. */
function lineLabelSpec(entry: EntryLike, visible: boolean, source: string): LayerSpecification | null {
  if (entry.geometry !== 'line' || !LABELLED_LINE.test(entry.id.toLowerCase())) return null;
  const cavalier = familyOf(entry) === 'cavaliers';
  return {
    id: `${entry.id}--label`,
    type: 'symbol',
    source,
    // names along the lines only once they have room: a cavalier's name is often a sentence
    minzoom: 13,
    layout: {
      visibility: visible ? 'visible' : 'none',
      'symbol-placement': 'line',
      'symbol-spacing': 350,
      'text-field': ['coalesce', ['get', 'name'], ['get', 'nom'], ['get', 'nom_tit_af'], ''],
      'text-font': [LABEL_FONT.regular],
      'text-size': ['interpolate', ['linear'], ['zoom'], 13, 10.5, 17, 13],
      'text-max-angle': 35,
      'text-padding': 4,
    },
    paint: {
      'text-color': cavalier ? PALETTE.cavalierText : PALETTE.routeText,
      'text-halo-color': PALETTE.halo,
      'text-halo-width': 1.4,
    },
  };
}

/** The manifest id drawn by a maplibre layer id ('terrils--outline' → 'terrils'). */
export function manifestIdOfLayer(layerId: string): string {
  const i = layerId.indexOf('--');
  return i < 0 ? layerId : layerId.slice(0, i);
}

/** A legend swatch as plain data, for the layer panel. */
export interface Swatch {
  shape: 'fill' | 'line' | 'circle';
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  dashed?: boolean;
  hatched?: boolean;
}

export function swatchFor(entry: EntryLike): Swatch {
  switch (familyOf(entry)) {
    case 'terrils':
      return { shape: 'fill', fill: PALETTE.terril, fillOpacity: 0.78, stroke: PALETTE.terrilOutline, strokeWidth: 1.2 };
    case 'cavaliers':
      return { shape: 'line', stroke: PALETTE.cavalier, strokeWidth: 3 };
    case 'cavaliers-unesco':
      return { shape: 'fill', fill: PALETTE.unesco, fillOpacity: 0.28, stroke: PALETTE.unescoOutline, strokeWidth: 1.6 };
    case 'neo-natural':
      return { shape: 'fill', fill: PALETTE.neo, fillOpacity: 0.3, stroke: PALETTE.neoOutline, strokeWidth: 1.2 };
    case 'protected':
      return { shape: 'fill', fill: PALETTE.protected, fillOpacity: 0.1, stroke: PALETTE.protected, strokeWidth: 1.8, dashed: true, hatched: true };
    case 'tvb':
      return entry.geometry === 'line'
        ? { shape: 'line', stroke: PALETTE.tvbOutline, strokeWidth: 2.4, dashed: true }
        : { shape: 'fill', fill: PALETTE.tvb, fillOpacity: 0.22, stroke: PALETTE.tvbOutline, strokeWidth: 0.9 };
    case 'communes':
      return { shape: 'fill', fill: '#ffffff', fillOpacity: 0, stroke: PALETTE.commune, strokeWidth: 0.8 };
    case 'shafts':
      return { shape: 'circle', fill: PALETTE.shaft, stroke: '#ffffff', strokeWidth: 1 };
    case 'bassin':
      return { shape: 'line', stroke: PALETTE.bassin, strokeWidth: 2.2 };
    case 'reseau':
      return { shape: 'line', stroke: PALETTE.reseau, strokeWidth: 1.2 };
    case 'friches':
      return { shape: 'circle', fill: PALETTE.friche, stroke: PALETTE.fricheOutline, strokeWidth: 1 };
    case 'veloroutes':
      return { shape: 'line', stroke: PALETTE.veloroute, strokeWidth: 2.4 };
    case 'osm-routes':
      return { shape: 'line', stroke: PALETTE.hiking, strokeWidth: 1.8 };
    case 'sites':
      return { shape: 'fill', fill: PALETTE.site, fillOpacity: 0.1, stroke: PALETTE.site, strokeWidth: 1.4 };
    // (gaps of the network are drawn dashed in PALETTE.reseauGap)
    default:
      return entry.geometry === 'point'
        ? { shape: 'circle', fill: PALETTE.generic, stroke: '#ffffff', strokeWidth: 1 }
        : entry.geometry === 'line'
          ? { shape: 'line', stroke: PALETTE.generic, strokeWidth: 1.4 }
          : { shape: 'fill', fill: PALETTE.generic, fillOpacity: 0.2, stroke: PALETTE.generic, strokeWidth: 1.4 };
  }
}

/**
 * The offline style: a plain background, and the shipped fonts the labels are drawn with (no
 * `glyphs` URL: see fonts.ts). Embedded layers, labels and the route are added by the controller.
 */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    'font-faces': labelFontFaces(),
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } }],
  };
}

export type BasemapId = 'none' | 'osm' | 'ign' | 'scan25';

/** The map when online: Plan IGN v2, until the user picks another or it does not load. */
export const DEFAULT_BASEMAP: BasemapId = 'ign';

/**
 * The Géoplateforme's WMTS GetTile in the Web Mercator pyramid, as geoservices.ign.fr documents it
 * (« Service Géoplateforme d'images tuilées WMTS », WMTS 1.0.0, KVP encoding).
 */
const geopfTile = (base: string, layer: string, format: 'image/png' | 'image/jpeg', matrixSet = 'PM', key?: string): string =>
  `${base}?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=normal&TILEMATRIXSET=${matrixSet}&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&FORMAT=${format}` +
  (key ? `&apikey=${encodeURIComponent(key)}` : '');

const IGN_ATTRIBUTION = '© <a href="https://www.ign.fr/" target="_blank" rel="noopener">IGN</a> – Géoplateforme';

/** Online basemaps that need no key. */
export const BASEMAPS: Record<'osm' | 'ign', RasterSourceSpecification> = {
  osm: {
    type: 'raster',
    tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    tileSize: 256,
    maxzoom: 19,
    attribution: '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors',
  },
  ign: {
    type: 'raster',
    // free and keyless: Plan IGN v2 is in the « découverte » and « essentiels » services
    tiles: [geopfTile('https://data.geopf.fr/wmts', 'GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2', 'image/png')],
    tileSize: 256,
    maxzoom: 19,
    attribution: IGN_ATTRIBUTION,
  },
};

/**
 * SCAN 25 (the IGN 1:25,000 map), with the user's own Géoplateforme key. It is the one IGN map
 * that is not free without a key: the keyless endpoint (data.geopf.fr/wmts) does not serve it,
 * and the shared transitional key « ign_scan_ws » was stopped on 26 October 2026 (cartes.gouv.fr,
 * « Évolution de la licence SCAN 25 - SCAN 100 », 10 September 2026). Professional and associative
 * use stays free with a key created on cartes.gouv.fr. Layer and matrix set as the Géoplateforme's
 * private WMTS serves them: GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR in JPEG on PM_6_16 (levels 6
 * to 16, the same numbers as the PM pyramid's; maplibre overzooms beyond).
 */
export function scan25Source(key: string): RasterSourceSpecification {
  return {
    type: 'raster',
    tiles: [geopfTile('https://data.geopf.fr/private/wmts', 'GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR', 'image/jpeg', 'PM_6_16', key)],
    tileSize: 256,
    minzoom: 6,
    maxzoom: 16,
    attribution: `${IGN_ATTRIBUTION} – SCAN 25®`,
  };
}

/** Source and layer id of a basemap. */
export const basemapSourceId = (id: Exclude<BasemapId, 'none'>): string => `basemap-${id}`;
