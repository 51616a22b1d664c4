// The one object that owns the maplibre map (placemark / gpx.studio style): React builds it once
// (MapView.tsx) and then talks to it imperatively; the controller reports user gestures through
// typed events registered with `controller.on(type, fn)`; the gestures themselves are gestures.ts.

import {
  LngLat,
  LngLatBounds,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
  prewarm,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type ErrorEvent as MapErrorEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import type { LayerManifest, LayerManifestEntry } from '../core/layers';
import { DEFAULT_BBOX, HATCH_IMAGE, baseStyle, hatchImage, manifestIdOfLayer, type BasemapId } from './styles';
import { applyBasemap, basemapOfSource, type BasemapOptions, type OnlineBasemap } from './layers/basemap';
import { addEmbeddedLayers, drawableEntries, loadDeferred, removeEmbeddedLayers, type EmbeddedLayers } from './layers/embedded';
import {
  EMPTY,
  LYR,
  SRC,
  coursePointImages,
  coursePointsCollection,
  legsCollection,
  pointsCollection,
  previewCollection,
  routeLayers,
  routeSources,
  toLonLat,
  tracksCollection,
  type LonLat,
  type CoursePointView,
  type LonLatLike,
  type RouteView,
  type TrackView,
} from './layers/route';
import {
  FSRC,
  formulaImages,
  formulaLayersAboveRoute,
  formulaLayersBelowRoute,
  formulaSources,
  formulasCollection,
  kmCollection,
  sharedCollection,
  type FormulaLineView,
  type KmMarkerView,
  type SharedStretchView,
} from './layers/formulas';
import { buildPopupContent, featureName } from './popup';
import { translate } from '../i18n/dictionary';
import { UserLayerRenderer, type UserJoinsView, type UserLayerView } from './layers/user';
import { addPlaceLayers, markPlace, PLACE_SRC, placeLabelsCollection } from './layers/places';
import type { Place } from '../core/search/types';
import { MapGestures, type Drag, type GestureEvents, type MapMode } from './gestures';
import { registerPmtilesProtocol } from './pmtiles-protocol';
import { addToStyle } from './style-batch';

// Vite does not emit maplibre's worker on its own: point maplibre at the emitted file (see toolchain notes).
setWorkerUrl(workerUrl);

/**
 * Starts maplibre's worker now, before the page's first render: its script (520 kB) is fetched and
 * compiled while React renders, instead of after the map is created, when the style's load waits
 * for it (src/app/mount.tsx calls it first thing).
 */
export function prewarmMap(): void {
  if (typeof Worker !== 'undefined') prewarm();
}

export type { LonLat, LonLatLike, RouteView, TrackView, CoursePointView } from './layers/route';
export { COURSE_POINT_STYLE } from './layers/route';
export type { FormulaLineView, KmMarkerView, SharedStretchView } from './layers/formulas';
export { formulaColor } from './layers/formulas';
export type { BasemapId } from './styles';
export type { MapMode } from './gestures';
export type Bbox = [number, number, number, number];

/** An image of the map (MapController.snapshot) and the ground it covers. */
export interface MapSnapshot {
  /** PNG, as a data URL */
  dataUrl: string;
  width_m: number;
  height_m: number;
}
export type MapLang = 'fr' | 'en';

interface FeatureInfo {
  /** manifest id of the layer ('terrils', …) */
  layerId: string;
  /** layer title in the current language */
  layerTitle: string;
  /** the feature's name when it has one */
  name: string | null;
  properties: Record<string, unknown>;
  /** an imported sensitive zone's code, name and type, as the review reads them */
  zone?: { name: string | null; code: string | null; kind: string | null };
}

/** Event name → listener arguments: what the pointer does (gestures.ts), and the map's own news. */
export interface MapControllerEvents extends GestureEvents {
  /** features of embedded layers under a click (inspect mode) or right-click (draw mode); a popup is open */
  featureclick: [features: FeatureInfo[], lonlat: LonLat];
  /**
   * the online basemap did not load (its first tiles failed: offline, a wrong key): it is taken
   * off the map, which shows the embedded layers alone; reported once per switch
   */
  basemaperror: [basemap: OnlineBasemap];
  /** an embedded layer's data could not be loaded */
  layererror: [layerId: string, message: string];
  /** map loaded and every embedded source loaded (or failed) */
  ready: [];
}

type Listener<K extends keyof MapControllerEvents> = (...args: MapControllerEvents[K]) => void;

export interface MapControllerOptions {
  bbox?: Bbox;
  lang?: MapLang;
  /** default true: sets window.__cavalierMap and friends (see README of the test harness) */
  testHooks?: boolean;
  /**
   * Draw the big layers from their vector tiles (layers.pmtiles) when the manifest has them.
   * Default: true, unless the page URL says `?tuiles=non` (every layer from its GeoJSON instead:
   * the naive baseline of the drag benchmark, and a way round a server without Range requests).
   */
  tiles?: boolean;
  /**
   * The embedded layers' manifest when the page has it already (it is read before React mounts):
   * the layers are then added at the style's load, not after the page's next render hands it over
   * (setManifest), which cost the first map a quarter of a second.
   */
  manifest?: LayerManifest | null;
  /** the basemap the page will ask for (setBasemap), so that its tiles are asked for with the first ones */
  basemap?: { id: BasemapId; options?: BasemapOptions };
}

/** false when the page URL has `tuiles=non` (or `tiles=no`). */
function tilesWanted(search: string = typeof location === 'undefined' ? '' : location.search): boolean {
  const q = new URLSearchParams(search);
  const v = (q.get('tuiles') ?? q.get('tiles') ?? '').toLowerCase();
  return !['non', 'no', '0', 'false'].includes(v);
}

declare global {
  interface Window {
    __cavalierMap?: MapLibreMap;
    __cavalierController?: MapController;
    __cavalierMapReady?: boolean;
    __cavalierIdle?: () => Promise<void>;
    /** per embedded source: true when its data loaded */
    __cavalierSources?: Record<string, boolean>;
  }
}

export class MapController {
  readonly map: MapLibreMap;
  /** resolves when the map is loaded and every embedded source is loaded (or failed) */
  readonly ready: Promise<void>;

  private listeners: { [K in keyof MapControllerEvents]?: Set<Listener<K>> } = {};
  private loaded = false;
  private isReady = false;
  private resolveReady!: () => void;
  private manifest: LayerManifest | null | undefined = undefined; // undefined: not given yet; null: unavailable
  private appliedManifest: LayerManifest | null | undefined = undefined;
  private embeddedLayerIds: string[] = [];
  /** the overlays' sources whose data is an empty collection now (setData skips setting one again) */
  private readonly emptySources = new Set<string>();
  private embedded: EmbeddedLayers = { layerIds: [], sourceIds: [], sourceOf: {}, tiled: [], deferred: {} };
  private useTiles: boolean;
  private visibility: Record<string, boolean> = {};
  private lang: MapLang;
  private route: RouteView = { legs: [], points: [] };
  private tracks: readonly TrackView[] = [];
  private displayPoints: LonLat[] = [];
  private hover: LonLat | null = null;
  /** lines drawn wide and yellow under the route (setHighlight / setHighlightLines) */
  private highlight: LonLat[][] | null = null;
  private mode: MapMode = 'inspect';
  private coursePoints: readonly CoursePointView[] = [];
  /** the event's other formulas, faded; the stretches formulas share; the drawn route's km (layers/formulas.ts) */
  private formulas: readonly FormulaLineView[] = [];
  private shared: readonly SharedStretchView[] = [];
  private kmMarkers: readonly KmMarkerView[] = [];
  /** the drawn formula's colour; undefined: the route's usual blue */
  private routeColor: string | undefined = undefined;
  /** layers the user imported (src/map/layers/user.ts) */
  private userLayers: readonly UserLayerView[] = [];
  private userJoins: UserJoinsView | null = null;
  private userRenderer: UserLayerRenderer | null = null;
  private gestures: MapGestures<MapGeoJSONFeature>;
  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  private basemap: BasemapId = 'none';
  private basemapOptions: BasemapOptions = {};
  private basemapErrorReported = false;
  /** tiles of the current basemap loaded: once one has, a failed tile is a hole, not an outage */
  private basemapTiles = 0;
  private popup: Popup | null = null;
  private fittedToManifest = false;
  /** the places named on the map and found by the search (src/map/layers/places.ts) */
  private places: readonly Place[] = [];
  private testHooks: boolean;
  private destroyed = false;

  constructor(container: HTMLElement, options: MapControllerOptions = {}) {
    this.lang = options.lang ?? 'fr';
    this.testHooks = options.testHooks ?? true;
    this.useTiles = options.tiles ?? tilesWanted();
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    // now, not when the layers are added: maplibre's worker has its protocol by the first tile
    if (this.useTiles) registerPmtilesProtocol();

    if (options.basemap) {
      this.basemap = options.basemap.id;
      this.basemapOptions = options.basemap.options ?? {};
    }
    if (options.manifest) {
      this.manifest = options.manifest;
      this.fittedToManifest = true;
    }
    this.map = new MapLibreMap({
      container,
      style: baseStyle(),
      bounds: options.bbox ?? options.manifest?.bbox ?? DEFAULT_BBOX,
      fitBoundsOptions: { padding: 24 },
      attributionControl: { compact: true },
      maxZoom: 19,
      minZoom: 5,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      renderWorldCopies: false,
      // the style and layers are ours (src/map/styles.ts, checked by test/map): validated under the
      // dev server, not on every addLayer of the built app's start (~40 layers added at 'load')
      validateStyle: import.meta.env.DEV,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');

    if (this.testHooks) {
      window.__cavalierMap = this.map;
      window.__cavalierController = this;
      window.__cavalierMapReady = false;
      window.__cavalierSources = {};
      window.__cavalierIdle = () => this.idle();
    }

    this.gestures = new MapGestures(
      this.map,
      {
        mode: () => this.mode,
        loaded: () => this.loaded,
        drawn: () => ({ points: this.displayPoints.length, legs: this.route.legs.length, coursePoints: this.coursePoints.length }),
        featureLayers: () => this.featureLayers(),
        // every gesture event is a controller event with the same arguments (MapControllerEvents extends GestureEvents)
        emit: <K extends keyof GestureEvents>(type: K, ...args: GestureEvents[K]) => this.emit<K>(type, ...(args as MapControllerEvents[K])),
        drawDrag: (drag) => this.drawDrag(drag),
        dropped: (drag) => {
          // the preview stays until the app sends the recomputed route (or gives up)
          if (drag.moved && drag.kind !== 'coursepoint') this.schedulePreviewReset();
        },
        openPopup: (features, lonlat) => this.openPopup(features, lonlat),
        closePopup: () => this.popup?.remove(),
      },
      {
        target: window,
        frame: (fn) => requestAnimationFrame(fn),
        cancelFrame: (id) => cancelAnimationFrame(id),
        now: () => performance.now(),
      },
    );
    // at the style's load, not at 'load', which comes after a first frame of the bare background:
    // the layers (and their tile requests) are then in the first frame, a frame sooner
    this.map.once('style.load', this.onLoad);
    this.map.on('error', this.onError);
    const g = this.gestures;
    this.map.on('mousedown', g.onMouseDown);
    this.map.on('touchstart', g.onTouchStart);
    this.map.on('click', g.onClick);
    this.map.on('contextmenu', g.onContextMenu);
    this.map.on('mousemove', g.onMouseMove);
    this.map.on('mouseout', g.onMouseOut);
    this.map.on('sourcedata', this.onSourceData);
    performance.mark('cavalier:map-created');
  }

  // ── events ────────────────────────────────────────────────────────────────

  /** Registers a listener; returns a function that removes it. */
  on<K extends keyof MapControllerEvents>(type: K, fn: Listener<K>): () => void {
    let set = this.listeners[type] as Set<Listener<K>> | undefined;
    if (!set) {
      set = new Set();
      (this.listeners as Record<string, Set<Listener<K>>>)[type] = set;
    }
    set.add(fn);
    if (type === 'ready' && this.isReady) queueMicrotask(() => (fn as () => void)());
    return () => this.off(type, fn);
  }

  off<K extends keyof MapControllerEvents>(type: K, fn: Listener<K>): void {
    (this.listeners[type] as Set<Listener<K>> | undefined)?.delete(fn);
  }

  private emit<K extends keyof MapControllerEvents>(type: K, ...args: MapControllerEvents[K]): void {
    const set = this.listeners[type] as Set<Listener<K>> | undefined;
    if (!set) return;
    for (const fn of [...set]) {
      try {
        fn(...args);
      } catch (err) {
        console.error(`[cavalier] listener of '${type}' failed`, err);
      }
    }
  }

  // ── public API ────────────────────────────────────────────────────────────

  /** The embedded layers to draw (the manifest from data/layers.json); null when it could not be read. */
  setManifest(manifest: LayerManifest | null): void {
    this.manifest = manifest;
    if (manifest && !this.fittedToManifest) {
      this.fittedToManifest = true;
      this.map.fitBounds(manifest.bbox, { padding: 24, animate: false });
    }
    if (this.loaded) this.applyManifest();
  }

  setLayerVisible(id: string, visible: boolean): void {
    this.visibility[id] = visible;
    if (!this.loaded) return;
    if (visible) loadDeferred(this.map, this.embedded, id);
    for (const layerId of this.embeddedLayerIds) {
      if (manifestIdOfLayer(layerId) === id) this.map.setLayoutProperty(layerId, 'visibility', visible ? 'visible' : 'none');
    }
  }

  setLanguage(lang: MapLang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    // the embedded sources' attributions (their source texts) are set when they are added: again, in this language
    if (this.loaded && this.manifest !== undefined) {
      this.appliedManifest = undefined;
      this.applyManifest();
    }
  }

  /** Optional online basemap under the embedded layers; 'none' is the offline plain background. */
  setBasemap(id: BasemapId, options: BasemapOptions = {}): void {
    if (id === this.basemap && options.scan25Key === this.basemapOptions.scan25Key) return;
    this.basemap = id;
    this.basemapOptions = options;
    this.basemapErrorReported = false;
    this.basemapTiles = 0;
    if (this.loaded) this.applyBasemap();
  }

  getBasemap(): BasemapId {
    return this.basemap;
  }

  /**
   * What a click means: 'inspect' opens popups, 'draw' adds control points, 'place' places points
   * on the course; the last two show a crosshair and take the double click from zooming.
   */
  setMode(mode: MapMode): void {
    this.mode = mode;
    if (mode === 'inspect') this.map.doubleClickZoom.enable();
    else this.map.doubleClickZoom.disable();
    this.gestures.refreshCursor();
  }

  getMode(): MapMode {
    return this.mode;
  }

  setRoute(route: RouteView): void {
    this.route = route;
    const drag = this.gestures.current();
    const dragged = drag?.kind === 'point' && drag.moved ? drag : null;
    this.displayPoints = route.points.map(toLonLat);
    if (dragged && dragged.index < this.displayPoints.length) this.displayPoints[dragged.index] = dragged.lonlat;
    if (!drag) this.clearPreview();
    if (!this.loaded) return;
    this.setData(SRC.legs, legsCollection(route, this.routeColor));
    this.setData(SRC.points, pointsCollection(this.displayPoints, route.selectedPoint));
  }

  /** The colour the drawn route takes (its formula's); null: the route's usual blue. */
  setRouteColor(color: string | null): void {
    if ((color ?? undefined) === this.routeColor) return;
    this.routeColor = color ?? undefined;
    if (this.loaded) this.setData(SRC.legs, legsCollection(this.route, this.routeColor));
  }

  /** The event's other formulas, drawn faded in their own colours under the drawn one. */
  setFormulas(formulas: readonly FormulaLineView[]): void {
    this.formulas = formulas;
    if (this.loaded) this.setData(FSRC.formulas, formulasCollection(formulas));
  }

  /** Stretches used by several formulas (computed by the core), drawn with a dark casing. */
  setSharedStretches(stretches: readonly SharedStretchView[]): void {
    this.shared = stretches;
    if (this.loaded) this.setData(FSRC.shared, sharedCollection(stretches));
  }

  /** Km markers of the drawn route (computed by the core); every 10, 5 or 1 km as one zooms in. */
  setKmMarkers(markers: readonly KmMarkerView[]): void {
    this.kmMarkers = markers;
    if (this.loaded) this.setData(FSRC.km, kmCollection(markers));
  }

  /** Points on the course (start, aid stations, checkpoints…) of the formula on the map. */
  setCoursePoints(points: readonly CoursePointView[]): void {
    this.coursePoints = points;
    if (this.loaded) this.setData(SRC.coursePoints, coursePointsCollection(points));
  }

  /** Marks one control point as selected (or none) without sending the route again. */
  setSelectedPoint(index: number | null): void {
    if ((this.route.selectedPoint ?? null) === index) return;
    this.route = { ...this.route, selectedPoint: index };
    if (this.loaded) this.setData(SRC.points, pointsCollection(this.displayPoints, index));
  }

  /** Imported tracks (read-only lines); the active one is drawn stronger. */
  setTracks(tracks: readonly TrackView[]): void {
    this.tracks = tracks;
    if (this.loaded) this.setData(SRC.tracks, tracksCollection(tracks));
  }

  /**
   * Layers the user imported, styled by role (src/map/layers/user.ts), above the embedded layers
   * and under the route; `joins` are the joins made between imported network lines and the rest.
   */
  setUserLayers(layers: readonly UserLayerView[], joins: UserJoinsView | null = null): void {
    this.userLayers = layers;
    this.userJoins = joins;
    this.userRenderer?.set(layers, joins);
  }

  /** Marker for the elevation-profile hover. */
  setHover(lonlat: LonLatLike | null): void {
    this.hover = lonlat ? toLonLat(lonlat) : null;
    if (!this.loaded) return;
    this.setData(
      SRC.hover,
      this.hover ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: this.hover } }] } : EMPTY,
    );
  }

  /** A section of line drawn wide and yellow under the route (e.g. a crossing of a protected area). */
  setHighlight(coords: readonly LonLatLike[] | null): void {
    this.setHighlightLines(coords ? [coords] : null);
  }

  /** Several sections at once (a pass of a review over the jump between two track segments); null clears. */
  setHighlightLines(lines: readonly (readonly LonLatLike[])[] | null): void {
    const kept = (lines ?? []).filter((l) => l.length >= 2).map((l) => l.map(toLonLat));
    this.highlight = kept.length ? kept : null;
    if (!this.loaded) return;
    this.setData(
      SRC.highlight,
      this.highlight
        ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: this.highlight } }] }
        : EMPTY,
    );
  }

  /**
   * A PNG image (data URL) of the map framed on `bbox`, with the embedded layers `show` made
   * visible, for printed documents (the Natura 2000 dossier), and the ground width and height it
   * covers (m, at its centre). The canvas is read in the 'render' event, while the frame just
   * drawn is still in the drawing buffer (the map keeps preserveDrawingBuffer off, which is
   * faster); the view and the layers' visibility are put back afterwards.
   */
  async snapshot(options: { bbox?: Bbox | null; padding?: number; maxZoom?: number; show?: readonly string[] } = {}): Promise<MapSnapshot> {
    const camera = { center: this.map.getCenter(), zoom: this.map.getZoom() };
    const hidden: string[] = [];
    for (const id of options.show ?? []) {
      loadDeferred(this.map, this.embedded, id);
      for (const layerId of this.mapLayersOf(id)) {
        if (this.map.getLayoutProperty(layerId, 'visibility') !== 'none') continue;
        hidden.push(layerId);
        this.map.setLayoutProperty(layerId, 'visibility', 'visible');
      }
    }
    try {
      if (options.bbox) this.map.fitBounds(options.bbox, { padding: options.padding ?? 40, animate: false, maxZoom: options.maxZoom ?? 16 });
      await this.idle();
      const b = this.map.getBounds();
      const c = b.getCenter();
      const width_m = new LngLat(b.getWest(), c.lat).distanceTo(new LngLat(b.getEast(), c.lat));
      const height_m = new LngLat(c.lng, b.getSouth()).distanceTo(new LngLat(c.lng, b.getNorth()));
      const dataUrl = await new Promise<string>((resolve, reject) => {
        this.map.once('render', () => {
          try {
            resolve(this.map.getCanvas().toDataURL('image/png'));
          } catch (err) {
            reject(err);
          }
        });
        this.map.triggerRepaint();
      });
      return { dataUrl, width_m, height_m };
    } finally {
      for (const layerId of hidden) this.map.setLayoutProperty(layerId, 'visibility', 'none');
      this.map.jumpTo(camera);
    }
  }

  /** The area shown, [west, south, east, north] (what « Charger les chemins OpenStreetMap de cette zone » asks for). */
  viewBbox(): Bbox {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  fitTo(bbox: Bbox, options: { padding?: number; animate?: boolean; maxZoom?: number } = {}): void {
    this.map.fitBounds(bbox, { padding: options.padding ?? 48, animate: options.animate ?? true, maxZoom: options.maxZoom ?? 16 });
  }

  /** Frames a set of positions (e.g. a route's control points); nothing happens for none. */
  fitToPoints(points: readonly LonLatLike[], options: { padding?: number; animate?: boolean; maxZoom?: number } = {}): void {
    if (points.length === 0) return;
    const bounds = new LngLatBounds();
    for (const p of points) bounds.extend([p[0], p[1]]);
    this.map.fitBounds(bounds, { padding: options.padding ?? 48, animate: options.animate ?? true, maxZoom: options.maxZoom ?? 16 });
  }

  /** The places whose names the map writes (communes, terrils); the lines are named from their own layers. */
  setPlaces(places: readonly Place[]): void {
    this.places = places;
    if (this.loaded) this.setData(PLACE_SRC.labels, placeLabelsCollection(places));
  }

  /** Frames a place chosen in the search and marks it (its outline, or a ring); null clears the mark. */
  showPlace(place: Place | null): void {
    if (!this.loaded) return;
    const tiles = place && this.embedded.tiled.includes(place.layerId) ? this.entryOf(place.layerId)?.tiles : undefined;
    if (place) loadDeferred(this.map, this.embedded, place.layerId); // its outline is drawn from its layer's source
    markPlace(this.map, place, { source: place ? this.embedded.sourceOf[place.layerId] : undefined, sourceLayer: tiles?.sourceLayer }, this.setData);
    if (!place) return;
    const [w, s, e, n] = place.bbox;
    if (e - w < 1e-4 && n - s < 1e-4) this.map.flyTo({ center: place.point, zoom: Math.max(this.map.getZoom(), 15) });
    else this.map.fitBounds(place.bbox, { padding: 64, maxZoom: 15 });
  }

  /** Resolves when the map has nothing left to load or draw. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (this.map.loaded() && !this.map.isMoving()) resolve();
          else this.map.once('idle', () => resolve());
        }),
      );
    });
  }

  /** Map layer ids drawn for a manifest layer ('terrils' → ['terrils', 'terrils--outline', …]). */
  mapLayersOf(id: string): string[] {
    return this.embeddedLayerIds.filter((l) => manifestIdOfLayer(l) === id);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.gestures.destroy();
    clearTimeout(this.previewTimer);
    this.popup?.remove();
    this.listeners = {};
    if (this.testHooks && window.__cavalierController === this) {
      delete window.__cavalierMap;
      delete window.__cavalierController;
      window.__cavalierMapReady = false;
    }
    this.map.remove();
  }

  // ── loading ───────────────────────────────────────────────────────────────

  private onLoad = () => {
    performance.mark('cavalier:map-load');
    this.loaded = true;
    this.map.addImage(HATCH_IMAGE, hatchImage());
    for (const { name, image, pixelRatio } of coursePointImages(window.devicePixelRatio || 1)) this.map.addImage(name, image, { pixelRatio });
    for (const { name, image, pixelRatio } of formulaImages(window.devicePixelRatio || 1)) this.map.addImage(name, image, { pixelRatio });
    const sources = Object.entries({ ...routeSources(), ...formulaSources() });
    for (const [id] of sources) this.emptySources.add(id); // each is added empty
    addToStyle(this.map, {
      sources,
      layers: [
        ...routeLayers().map((l) => [l, undefined] as const),
        // the other formulas under the drawn route's casing; its arrows and km markers under its control points
        ...formulaLayersBelowRoute().map((l) => [l, LYR.casing] as const),
        ...formulaLayersAboveRoute().map((l) => [l, LYR.points] as const),
      ],
    });
    this.applyBasemap();
    this.setRoute(this.route);
    this.setTracks(this.tracks);
    this.setHover(this.hover);
    this.setHighlightLines(this.highlight);
    this.setCoursePoints(this.coursePoints);
    this.setFormulas(this.formulas);
    this.setSharedStretches(this.shared);
    this.setKmMarkers(this.kmMarkers);
    if (this.manifest !== undefined) this.applyManifest();
    this.userRenderer = new UserLayerRenderer(this.map, LYR.highlight);
    this.userRenderer.set(this.userLayers, this.userJoins);
    addPlaceLayers(this.map);
    this.emptySources.add(PLACE_SRC.labels).add(PLACE_SRC.mark); // added empty
    this.setPlaces(this.places);
  };

  private applyManifest(): void {
    if (this.appliedManifest === this.manifest) return;
    markPlace(this.map, null, {}, this.setData); // its outline layer reads an embedded source about to go
    removeEmbeddedLayers(this.map, this.embedded.layerIds, this.embedded.sourceIds);
    this.appliedManifest = this.manifest;
    const entries = drawableEntries(this.manifest);
    this.embedded = addEmbeddedLayers(this.map, entries, this.visibility, LYR.highlight, { useTiles: this.useTiles, lang: this.lang });
    this.embeddedLayerIds = this.embedded.layerIds;
    performance.mark('cavalier:layers-added');
    void this.waitForSources(entries.map((e) => e.id));
  }

  /** Manifest ids drawn from vector tiles (empty with `?tuiles=non` or an archive-less manifest). */
  tiledLayers(): string[] {
    return [...this.embedded.tiled];
  }

  /** ids: manifest ids; each is loaded when the source drawing it is (its GeoJSON, or the tiles in view) */
  private async waitForSources(ids: string[]): Promise<void> {
    const manifest = this.manifest;
    const loaded = (id: string) => this.map.isSourceLoaded(this.embedded.sourceOf[id] ?? id);
    this.map.triggerRepaint(); // so that 'idle' fires even when nothing was added
    for (let i = 0; i < 60; i++) {
      await new Promise<void>((resolve) => this.map.once('idle', () => resolve()));
      if (this.destroyed || manifest !== this.manifest) return;
      if (ids.every(loaded)) break;
    }
    if (this.testHooks) window.__cavalierSources = Object.fromEntries(ids.map((id) => [id, loaded(id)]));
    if (!this.isReady) {
      this.collapseAttribution();
      this.isReady = true;
      performance.mark('cavalier:map-ready');
      if (this.testHooks) window.__cavalierMapReady = true;
      this.resolveReady();
      this.emit('ready');
    }
  }

  /** Long data credits: start with the compact (i) button closed; a click opens them. */
  private collapseAttribution(): void {
    const attrib = this.map.getContainer().querySelector('.maplibregl-ctrl-attrib.maplibregl-compact');
    if (attrib) {
      attrib.classList.remove('maplibregl-compact-show');
      attrib.removeAttribute('open');
    }
  }

  private applyBasemap(): void {
    applyBasemap(this.map, this.basemap, this.basemapOptions);
  }

  private onSourceData = (e: { sourceId?: string; tile?: unknown }) => {
    if (e.tile && basemapOfSource(e.sourceId) === this.basemap) this.basemapTiles++;
  };

  private onError = (e: MapErrorEvent & { sourceId?: string }) => {
    const sourceId = e.sourceId;
    const basemap = basemapOfSource(sourceId);
    if (basemap) {
      if (basemap === this.basemap && this.basemapTiles === 0 && !this.basemapErrorReported) {
        // taken off at the first failure, so that no more tiles are asked for: offline, one
        // report and a quiet map rather than a failed request per tile and per move
        this.basemapErrorReported = true;
        this.basemap = 'none';
        this.applyBasemap();
        this.emit('basemaperror', basemap);
      }
      return;
    }
    if (sourceId && this.manifest?.layers.some((l) => l.id === sourceId)) {
      this.emit('layererror', sourceId, e.error?.message ?? String(e.error));
      return;
    }
    // the vector tiles: every layer of the archive is affected
    const tiled = sourceId ? Object.entries(this.embedded.sourceOf).filter(([id, src]) => src === sourceId && id !== src) : [];
    if (tiled.length) {
      for (const [id] of tiled) this.emit('layererror', id, e.error?.message ?? String(e.error));
      return;
    }
    console.error('[cavalier] map error', e.error);
  };

  // an arrow: the place layers (layers/places.ts) are handed it
  private setData = (source: string, data: FeatureCollection): void => {
    // nothing again where there was nothing: each setData is a load in maplibre's worker and a
    // frame, and at the start the page sets every overlay, most of them empty, once or twice
    if (data.features.length === 0) {
      if (this.emptySources.has(source)) return;
      this.emptySources.add(source);
    } else this.emptySources.delete(source);
    (this.map.getSource(source) as GeoJSONSource | undefined)?.setData(data);
  };

  // ── popups and the drag's drawing (the gestures themselves: gestures.ts) ──

  /** Layers whose features open a popup: the visible embedded and imported ones. */
  private featureLayers(): string[] {
    return [...this.embeddedLayerIds, ...(this.userRenderer?.layerIds() ?? [])].filter(
      (id) => !id.endsWith('--halo') && this.map.getLayoutProperty(id, 'visibility') !== 'none',
    );
  }

  private openPopup(features: MapGeoJSONFeature[], lonlat: LonLat): void {
    const infos: FeatureInfo[] = features.map((f) => {
      // from vector tiles the manifest id is the source-layer; from GeoJSON it is the source
      const layerId = f.sourceLayer && this.embedded.sourceOf[f.sourceLayer] === f.source ? f.sourceLayer : f.source;
      const entry = this.entryOf(layerId);
      // an imported feature's attributes from the layer itself (maplibre holds only what it draws);
      // copied by entries, so that a key named __proto__ stays a key
      const properties: Record<string, unknown> = Object.fromEntries(Object.entries(this.userRenderer?.propertiesOf(f.source, f.id) ?? f.properties ?? {}));
      // vector tiles cannot hold null: put back the properties the pipeline listed as nullable
      if (layerId !== f.source) for (const k of entry?.tiles?.nullable ?? []) if (!(k in properties)) properties[k] = null;
      const zone = this.userRenderer?.zoneOf(f.source, f.id);
      return {
        layerId,
        layerTitle: entry ? entry.title[this.lang] : (this.userRenderer?.titleOf(f.source) ?? f.source),
        name: zone?.name ?? featureName(properties),
        properties,
        ...(zone ? { zone } : {}),
      };
    });
    this.popup?.remove();
    const content = buildPopupContent(infos, this.lang, {
      moreRows: (n) => translate(this.lang, 'popup.moreRows', { n }),
      moreFeatures: (n) => translate(this.lang, 'popup.moreFeatures', { n }),
    });
    this.popup = new Popup({ className: 'cav-popup', maxWidth: '340px', closeButton: true, focusAfterOpen: false })
      .setLngLat(lonlat)
      .setDOMContent(content)
      .addTo(this.map);
    this.emit('featureclick', infos, lonlat);
  }

  private entryOf(id: string): LayerManifestEntry | undefined {
    return this.manifest?.layers.find((l) => l.id === id);
  }

  private drawDrag(drag: Readonly<Drag>): void {
    if (drag.kind === 'coursepoint') {
      const moved = this.coursePoints.map((c) => (c.id === drag.id ? { ...c, lonlat: drag.lonlat } : c));
      this.setData(SRC.coursePoints, coursePointsCollection(moved));
    } else if (drag.kind === 'point') {
      const pts = this.displayPoints;
      pts[drag.index] = drag.lonlat;
      this.setData(SRC.points, pointsCollection(pts, this.route.selectedPoint));
      this.setData(SRC.preview, previewCollection(pts[drag.index - 1] ?? null, drag.lonlat, pts[drag.index + 1] ?? null, false));
    } else {
      const coords = this.route.legs[drag.leg]?.coordinates;
      const from = coords?.length ? toLonLat(coords[0]) : null;
      const to = coords?.length ? toLonLat(coords[coords.length - 1]) : null;
      this.setData(SRC.preview, previewCollection(from, drag.lonlat, to, true));
    }
  }

  private schedulePreviewReset(): void {
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => this.setRoute(this.route), 4000);
  }

  private clearPreview(): void {
    clearTimeout(this.previewTimer);
    if (this.loaded) this.setData(SRC.preview, EMPTY);
  }
}
