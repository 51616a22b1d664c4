// The names of places on the map (communes by population and zoom, terrils by number and name)
// and the mark of the place chosen in the search. Their points come from the places the search
// reads (src/core/search/places.ts), so each name sits once inside its polygon rather than once
// per vector tile the polygon crosses. Drawn on top of everything, the route included: a name
// under a route line would be lost, the line under a haloed name is not.

import type { FeatureCollection } from 'geojson';
import type { AddLayerObject, FilterSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { addToStyle } from '../style-batch';
import { communeMinZoom } from '../../core/search/places';
import type { Place } from '../../core/search/types';
import { LABEL_FONT } from '../fonts';
import { PALETTE } from '../styles';

export const PLACE_SRC = { labels: 'cav-place-labels', mark: 'cav-place-mark' } as const;

/** How the map controller sets a GeoJSON source's data (its setData, which skips an empty one set empty again). */
type SetData = (source: string, data: FeatureCollection) => void;

const PLACE_LYR = {
  /** the chosen place's outline (a layer on the embedded source that draws it) */
  markLine: 'cav-place-mark-line',
  /** the chosen place's point, a ring */
  markPoint: 'cav-place-mark-point',
  terrils: 'cav-labels-terrils',
  communes: 'cav-labels-communes',
} as const;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The label points: communes and terrils (lines are labelled from their own layers, see styles.ts). */
export function placeLabelsCollection(places: readonly Place[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: places
      .filter((p) => p.kind === 'commune' || p.kind === 'terril')
      .map((p) => ({
        type: 'Feature',
        properties: {
          kind: p.kind,
          name: p.name,
          ref: p.ref ?? '',
          population: p.population ?? 0,
          minzoom: p.kind === 'commune' ? communeMinZoom(p.population) : 11,
        },
        geometry: { type: 'Point', coordinates: p.point },
      })),
  };
}

function labelLayers(): LayerSpecification[] {
  return [
    {
      id: PLACE_LYR.terrils,
      type: 'symbol',
      source: PLACE_SRC.labels,
      minzoom: 11,
      filter: ['==', ['get', 'kind'], 'terril'],
      layout: {
        // the number alone until there is room for « T074 · 11/19 de Lens Est »
        'text-field': [
          'step',
          ['zoom'],
          ['coalesce', ['get', 'ref'], ['get', 'name']],
          13,
          ['case', ['!=', ['get', 'ref'], ''], ['concat', ['get', 'ref'], ' · ', ['get', 'name']], ['get', 'name']],
        ],
        'text-font': [LABEL_FONT.regular],
        'text-size': ['interpolate', ['linear'], ['zoom'], 11, 10, 16, 13],
        'text-max-width': 9,
        'text-padding': 3,
      },
      paint: { 'text-color': PALETTE.terrilText, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.6 },
    },
    {
      id: PLACE_LYR.communes,
      type: 'symbol',
      source: PLACE_SRC.labels,
      // big towns first, and only from the zoom their population earns (communeMinZoom)
      filter: ['all', ['==', ['get', 'kind'], 'commune'], ['>=', ['zoom'], ['get', 'minzoom']]] as FilterSpecification,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT.bold],
        'text-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          8,
          ['case', ['>=', ['get', 'population'], 30000], 13, 11],
          14,
          ['case', ['>=', ['get', 'population'], 30000], 18, 15],
        ],
        'symbol-sort-key': ['-', 0, ['get', 'population']],
        'text-max-width': 8,
        'text-padding': 6,
        'text-letter-spacing': 0.02,
      },
      paint: { 'text-color': PALETTE.placeText, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.8 },
    },
  ];
}

/** Adds the label and mark sources, both empty, and their layers on top of the map (call once the style is loaded). */
export function addPlaceLayers(map: MapLibreMap): void {
  const markPoint: AddLayerObject = {
    id: PLACE_LYR.markPoint,
    type: 'circle',
    source: PLACE_SRC.mark,
    paint: {
      'circle-radius': 11,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': PALETTE.placeHighlight,
      'circle-stroke-width': 4,
    },
  };
  addToStyle(map, {
    sources: [
      [PLACE_SRC.labels, { type: 'geojson', data: EMPTY }],
      [PLACE_SRC.mark, { type: 'geojson', data: EMPTY }],
    ],
    layers: [markPoint, ...labelLayers()].map((l) => [l, undefined] as const),
  });
}

/**
 * Marks one place (null: none): its outline drawn from the embedded source that draws its layer
 * (`source`, and `sourceLayer` when that is the vector tiles), or a ring on its point.
 */
export function markPlace(map: MapLibreMap, place: Place | null, drawnBy: { source?: string; sourceLayer?: string }, setData: SetData): void {
  if (map.getLayer(PLACE_LYR.markLine)) map.removeLayer(PLACE_LYR.markLine);
  const ring = !!place && (!place.match || !drawnBy.source || !map.getSource(drawnBy.source));
  setData(
    PLACE_SRC.mark,
    ring ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: place.point } }] } : EMPTY,
  );
  if (!place || ring || !place.match || !drawnBy.source) return;
  map.addLayer(
    {
      id: PLACE_LYR.markLine,
      type: 'line',
      source: drawnBy.source,
      ...(drawnBy.sourceLayer ? { 'source-layer': drawnBy.sourceLayer } : {}),
      filter: ['==', ['to-string', ['get', place.match.key]], String(place.match.value)],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': PALETTE.placeHighlight, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 3, 14, 6], 'line-opacity': 0.85 },
    },
    PLACE_LYR.markPoint,
  );
}
