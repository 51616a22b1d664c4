// Layers the user imported (see workers/layer-engine.ts), drawn by role and geometry:
//  - network: lines as the embedded routing network (reseau), plus the joins the builder made
//    between them and the cavaliers, dashed like the embedded joins;
//  - sensitive: red hatched areas with a dashed red outline (as the protected areas), orange lines
//    and points;
//  - reference: neutral slate grey.
// One GeoJSON source per layer ('user:<id>'); its maplibre layers are 'user:<id>--fill', '--line'…
// Features come as data: the popup (map-controller) shows their attributes as text, read from the
// layer itself (propertiesOf), since maplibre is given only what its styles read (userMapData).

import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { zoneIdentityReader, type ZoneFields, type ZoneIdentity } from '../../core/review/zone-fields';
import { HATCH_IMAGE, PALETTE, type Swatch } from '../styles';

export type UserLayerRole = 'network' | 'sensitive' | 'reference';

export interface UserLayerView {
  id: string;
  /** shown as the popup's layer title (already in the current language; data: text only) */
  title: string;
  role: UserLayerRole;
  fc: FeatureCollection;
  visible: boolean;
  /** a sensitive layer: how its zones' identity is read (src/core/review/zone-fields.ts) */
  zone?: { layerName: string; fields?: ZoneFields };
}

/** The joins made between imported network lines and the rest of the network. */
export interface UserJoinsView {
  title: string;
  fc: FeatureCollection;
}

const USER_COLORS = {
  sensitive: PALETTE.protected,
  sensitiveLine: '#e8710a',
  reference: '#5c6b7a',
  /** the embedded network's hue, darker: what was imported must show over it */
  network: '#4f4166',
  /** streets and roads of an OSM export: the asphalt that trail rules cap */
  networkRoad: '#8a8d93',
  join: PALETTE.reseauGap,
} as const;

const PREFIX = 'user:';
/** OSM highway values counted as roads (as src/core/import/network.ts does) */
const ROAD_HIGHWAYS = [
  'pedestrian',
  'living_street',
  'residential',
  'service',
  'unclassified',
  'tertiary',
  'tertiary_link',
  'secondary',
  'secondary_link',
  'primary',
  'primary_link',
  'road',
];
const JOINS = `${PREFIX}joins`;
const userSourceId = (id: string) => `${PREFIX}${id}`;

const isPolygon: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const isLine: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]];
const isPoint: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];
const zoomWidth = (base: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 8, base * 0.6, 12, base, 16, base * 2.2];

/** The properties of an imported feature that the styles read (network role: roads drawn grey). */
const STYLED_KEYS = ['highway'];

/**
 * What maplibre is given of an imported layer: each feature's geometry, its index as id, and only
 * the properties the styles read. maplibre's worker transfer copies objects key by key and calls
 * their constructor and hasOwnProperty: a property with one of those names made it throw (the
 * layer was never drawn), one named __proto__ was dropped. Attributes are the user's data, any
 * name allowed: the popup reads them from the layer by that id.
 */
export function userMapData(fc: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f, i) => {
      const properties: Record<string, string | number | boolean> = {};
      for (const k of STYLED_KEYS) {
        const v = f.properties && Object.hasOwn(f.properties, k) ? f.properties[k] : undefined;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') properties[k] = v;
      }
      return { type: 'Feature', id: i, geometry: f.geometry, properties };
    }),
  };
}

/** The maplibre layers of one imported layer. */
function userLayerSpecs(view: Pick<UserLayerView, 'id' | 'role' | 'visible'>): LayerSpecification[] {
  const source = userSourceId(view.id);
  const id = source;
  const layout = { visibility: view.visible ? ('visible' as const) : ('none' as const) };
  const point = (color: string): LayerSpecification => ({
    id: `${id}--point`,
    type: 'circle',
    source,
    layout,
    filter: isPoint,
    paint: {
      'circle-color': color,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 3, 14, 5],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  });
  switch (view.role) {
    case 'network':
      return [
        {
          id: `${id}--line`,
          type: 'line',
          source,
          layout: { ...layout, 'line-cap': 'round', 'line-join': 'round' },
          filter: isLine,
          // as the embedded network, a little stronger so that what was imported shows; roads grey
          paint: {
            'line-color': ['match', ['get', 'highway'], ROAD_HIGHWAYS, USER_COLORS.networkRoad, USER_COLORS.network],
            'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 12, 2, 16, 4.5],
            'line-opacity': 0.9,
          },
        },
        { id: `${id}--fill`, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-color': USER_COLORS.reference, 'fill-opacity': 0.12 } },
        { id: `${id}--outline`, type: 'line', source, layout, filter: isPolygon, paint: { 'line-color': USER_COLORS.reference, 'line-width': zoomWidth(1) } },
        point(USER_COLORS.network),
      ];
    case 'sensitive':
      return [
        { id: `${id}--fill`, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-color': USER_COLORS.sensitive, 'fill-opacity': 0.12 } },
        { id: `${id}--hatch`, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.85 } },
        {
          id: `${id}--outline`,
          type: 'line',
          source,
          layout,
          filter: isPolygon,
          paint: { 'line-color': USER_COLORS.sensitive, 'line-width': zoomWidth(1.8), 'line-dasharray': [3, 2] },
        },
        {
          id: `${id}--line`,
          type: 'line',
          source,
          layout: { ...layout, 'line-cap': 'round' },
          filter: isLine,
          paint: { 'line-color': USER_COLORS.sensitiveLine, 'line-width': zoomWidth(3), 'line-opacity': 0.9 },
        },
        point(USER_COLORS.sensitiveLine),
      ];
    default:
      return [
        { id: `${id}--fill`, type: 'fill', source, layout, filter: isPolygon, paint: { 'fill-color': USER_COLORS.reference, 'fill-opacity': 0.15 } },
        { id: `${id}--outline`, type: 'line', source, layout, filter: isPolygon, paint: { 'line-color': USER_COLORS.reference, 'line-width': zoomWidth(1.2) } },
        {
          id: `${id}--line`,
          type: 'line',
          source,
          layout: { ...layout, 'line-cap': 'round', 'line-join': 'round' },
          filter: isLine,
          paint: { 'line-color': USER_COLORS.reference, 'line-width': zoomWidth(2) },
        },
        point(USER_COLORS.reference),
      ];
  }
}

/** Legend swatch of an imported layer, by role and by the geometry it mostly holds. */
export function userLayerSwatch(role: UserLayerRole, counts: { point: number; line: number; polygon: number }): Swatch {
  const main = counts.polygon >= counts.line && counts.polygon >= counts.point ? 'polygon' : counts.line >= counts.point ? 'line' : 'point';
  if (role === 'network') return { shape: 'line', stroke: USER_COLORS.network, strokeWidth: 2 };
  if (role === 'sensitive') {
    if (main === 'polygon')
      return { shape: 'fill', fill: USER_COLORS.sensitive, fillOpacity: 0.12, stroke: USER_COLORS.sensitive, strokeWidth: 1.8, dashed: true, hatched: true };
    if (main === 'line') return { shape: 'line', stroke: USER_COLORS.sensitiveLine, strokeWidth: 3 };
    return { shape: 'circle', fill: USER_COLORS.sensitiveLine, stroke: '#ffffff', strokeWidth: 1 };
  }
  if (main === 'polygon') return { shape: 'fill', fill: USER_COLORS.reference, fillOpacity: 0.15, stroke: USER_COLORS.reference, strokeWidth: 1.2 };
  if (main === 'line') return { shape: 'line', stroke: USER_COLORS.reference, strokeWidth: 2 };
  return { shape: 'circle', fill: USER_COLORS.reference, stroke: '#ffffff', strokeWidth: 1 };
}

interface Drawn {
  view: UserLayerView;
  layerIds: string[];
}

/**
 * Keeps the map's user layers in step with a list of views (added, updated, removed by id),
 * under `beforeId` (the route and the tracks stay on top).
 */
export class UserLayerRenderer {
  private drawn = new Map<string, Drawn>();
  private joins: UserJoinsView | null = null;
  private joinsData: FeatureCollection | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly beforeId: string,
  ) {}

  set(views: readonly UserLayerView[], joins: UserJoinsView | null): void {
    const wanted = new Set(views.map((v) => v.id));
    for (const [id, d] of this.drawn) if (!wanted.has(id)) this.remove(id, d);
    for (const view of views) {
      const d = this.drawn.get(view.id);
      if (!d) this.add(view);
      else if (d.view.role !== view.role) {
        this.remove(view.id, d);
        this.add(view);
      } else {
        if (d.view.fc !== view.fc) (this.map.getSource(userSourceId(view.id)) as GeoJSONSource | undefined)?.setData(userMapData(view.fc));
        if (d.view.visible !== view.visible) for (const l of d.layerIds) this.map.setLayoutProperty(l, 'visibility', view.visible ? 'visible' : 'none');
        d.view = view;
      }
    }
    this.setJoins(joins);
  }

  /** maplibre layer ids of every user layer (for hit testing). */
  layerIds(): string[] {
    const ids = [...this.drawn.values()].flatMap((d) => d.layerIds);
    if (this.joins && this.map.getLayer(JOINS)) ids.push(JOINS);
    return ids;
  }

  /**
   * An imported feature's own properties, every one as the layer holds it, from the source and id
   * maplibre reports for it; undefined when it is not an imported layer's feature.
   */
  propertiesOf(sourceId: string, id: string | number | undefined): Record<string, unknown> | undefined {
    if (!sourceId.startsWith(PREFIX) || typeof id !== 'number') return undefined;
    const f = this.drawn.get(sourceId.slice(PREFIX.length))?.view.fc.features[id];
    return f ? (f.properties ?? {}) : undefined;
  }

  /** A sensitive layer's zone identity (code, name, type) for one of its features, as the review reads it. */
  zoneOf(sourceId: string, id: string | number | undefined): ZoneIdentity | undefined {
    if (!sourceId.startsWith(PREFIX) || typeof id !== 'number') return undefined;
    const view = this.drawn.get(sourceId.slice(PREFIX.length))?.view;
    const f = view?.fc.features[id];
    if (!view?.zone || !f) return undefined;
    const r = (this.readers ??= new WeakMap()).get(view.fc) ?? zoneIdentityReader(view.fc.features, view.zone.layerName, view.zone.fields);
    this.readers.set(view.fc, r);
    return r(f.properties);
  }

  private readers: WeakMap<FeatureCollection, (p: unknown) => ZoneIdentity> | undefined;

  /** The layer title shown in popups for a source id, or undefined when it is not a user layer. */
  titleOf(sourceId: string): string | undefined {
    if (sourceId === JOINS) return this.joins?.title;
    if (!sourceId.startsWith(PREFIX)) return undefined;
    return this.drawn.get(sourceId.slice(PREFIX.length))?.view.title;
  }

  private add(view: UserLayerView): void {
    const source = userSourceId(view.id);
    this.map.addSource(source, { type: 'geojson', data: userMapData(view.fc) });
    const layerIds: string[] = [];
    for (const spec of userLayerSpecs(view)) {
      this.map.addLayer(spec, this.map.getLayer(this.beforeId) ? this.beforeId : undefined);
      layerIds.push(spec.id);
    }
    this.drawn.set(view.id, { view, layerIds });
  }

  private remove(id: string, d: Drawn): void {
    for (const l of d.layerIds) if (this.map.getLayer(l)) this.map.removeLayer(l);
    if (this.map.getSource(userSourceId(id))) this.map.removeSource(userSourceId(id));
    this.drawn.delete(id);
  }

  private setJoins(joins: UserJoinsView | null): void {
    const has = joins !== null && joins.fc.features.length > 0;
    this.joins = has ? joins : null;
    if (!has) {
      if (this.map.getLayer(JOINS)) this.map.removeLayer(JOINS);
      if (this.map.getSource(JOINS)) this.map.removeSource(JOINS);
      return;
    }
    const src = this.map.getSource(JOINS) as GeoJSONSource | undefined;
    if (src) {
      if (this.joinsData !== joins.fc) src.setData(joins.fc);
      this.joinsData = joins.fc;
      return;
    }
    this.joinsData = joins.fc;
    this.map.addSource(JOINS, { type: 'geojson', data: joins.fc, generateId: true });
    this.map.addLayer(
      {
        id: JOINS,
        type: 'line',
        source: JOINS,
        paint: {
          'line-color': USER_COLORS.join,
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 12, 1.6, 16, 3],
          'line-opacity': 0.95,
          'line-dasharray': [1.5, 1.5],
        },
      },
      this.map.getLayer(this.beforeId) ? this.beforeId : undefined,
    );
  }
}
