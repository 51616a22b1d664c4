// The pointer on the map, as one state machine: a press on a control point drags it, a press on
// the route drags a new point out of its leg, a press on a point on the course (placing mode)
// drags that point; a press that does not move is a click. Clicks go out once, tagged with the
// map's mode, so that drawing and placing never both answer the same click. Hit-testing asks
// the rendered map (hit-test.ts). Everything it needs of maplibre, of the window and of the
// controller comes through the small interfaces below, so a test drives it with a fake map.
import { hitCoursePoint, hitFeatures, hitLeg, hitPoint, type HitFeature, type QueryMap, type ScreenPoint } from './hit-test';
import type { LonLat } from './layers/route';

/** inspect: clicks open popups; draw: clicks add control points; place: clicks place points on the course */
export type MapMode = 'inspect' | 'draw' | 'place';

/** Event name → listener arguments, for what the pointer does. */
export interface GestureEvents {
  /** a click that is not on a control point (in inspect mode: nor on a feature), with the mode it was made in */
  click: [lonlat: LonLat, mode: MapMode];
  pointclick: [index: number];
  /** right-click on a control point (the app deletes it) */
  pointcontextmenu: [index: number];
  pointdragstart: [index: number];
  /** while dragging, at most once per frame */
  pointdrag: [index: number, lonlat: LonLat];
  pointdragend: [index: number, lonlat: LonLat];
  /** placing mode: a point on the course was dragged and dropped at `lonlat` (the app projects it onto the route) */
  coursepointmove: [id: string, lonlat: LonLat];
  /** the user pressed on leg `legIndex` and dropped at `lonlat`: insert a point in that leg */
  insert: [legIndex: number, lonlat: LonLat];
}

export type Drag =
  | { kind: 'point'; index: number; x: number; y: number; moved: boolean; lonlat: LonLat; touch: boolean }
  | { kind: 'insert'; leg: number; x: number; y: number; moved: boolean; lonlat: LonLat; touch: boolean }
  | { kind: 'coursepoint'; id: string; x: number; y: number; moved: boolean; lonlat: LonLat; touch: boolean };

/** A maplibre mouse or touch event, as much as the gestures read. */
export interface MapPointerEvent {
  point: ScreenPoint;
  lngLat: { lng: number; lat: number };
  preventDefault(): void;
  originalEvent: { button?: number; preventDefault(): void };
  /** touch events: one point per finger */
  points?: readonly unknown[];
}

/** A move or release heard on the window once a press started (a drag may leave the canvas). */
export type WindowPointerEvent = { cancelable?: boolean; preventDefault(): void } & (
  | { clientX: number; clientY: number }
  | { touches: ArrayLike<{ clientX: number; clientY: number }>; changedTouches: ArrayLike<{ clientX: number; clientY: number }> }
);

/** The part of maplibre's Map that the gestures use. */
export interface GestureMap<F extends HitFeature = HitFeature> extends QueryMap {
  queryRenderedFeatures(box: [[number, number], [number, number]], options: { layers: string[] }): F[];
  unproject(p: [number, number]): { lng: number; lat: number };
  getCanvas(): { style: { cursor: string } };
  getCanvasContainer(): { getBoundingClientRect(): { left: number; top: number } };
  dragPan: { enable(): void; disable(): void };
}

/** What the gestures ask of the map's owner (MapController). */
export interface GestureHost<F extends HitFeature = HitFeature> {
  mode(): MapMode;
  /** false until the style is loaded: nothing can be hit before */
  loaded(): boolean;
  /** how many of each are drawn: no query is made for what is not there */
  drawn(): { points: number; legs: number; coursePoints: number };
  /** the layers whose features open a popup (visible ones) */
  featureLayers(): string[];
  emit<K extends keyof GestureEvents>(type: K, ...args: GestureEvents[K]): void;
  /** draws the drag's current frame (the moved point, the dashed preview) */
  drawDrag(drag: Drag): void;
  /** the drag was released (moved or not); the gestures are idle again */
  dropped(drag: Drag): void;
  openPopup(features: F[], lonlat: LonLat): void;
  closePopup(): void;
}

type Listener = (ev: WindowPointerEvent) => void;

/** Frames, time and the window, injected so that a test decides when a frame is drawn. */
export interface GestureEnv {
  target: {
    addEventListener(type: string, fn: Listener, options?: { passive?: boolean }): void;
    removeEventListener(type: string, fn: Listener): void;
  };
  frame(fn: () => void): number;
  cancelFrame(id: number): void;
  now(): number;
}

/** A press that moves less than this is a click. */
const DRAG_TOLERANCE_PX = 3;
/** The browser sends a click after the release of a press: for this long it belongs to that press. */
const CLICK_AFTER_DRAG_MS = 350;

export class MapGestures<F extends HitFeature = HitFeature> {
  private drag: Drag | null = null;
  private dragFrame = 0;
  private hoverFrame = 0;
  private suppressClickUntil = 0;
  private lastMouse: ScreenPoint | null = null;
  private destroyed = false;

  constructor(
    private readonly map: GestureMap<F>,
    private readonly host: GestureHost<F>,
    private readonly env: GestureEnv,
  ) {}

  /** The drag under way, if any (the controller keeps a dragged point where the pointer is). */
  current(): Readonly<Drag> | null {
    return this.drag;
  }

  destroy(): void {
    this.destroyed = true;
    this.endDragListeners();
    this.env.cancelFrame(this.dragFrame);
    this.env.cancelFrame(this.hoverFrame);
  }

  // ── hit-testing, skipped for what is not drawn ──

  private pointAt(p: ScreenPoint): number | null {
    return this.host.loaded() && this.host.drawn().points > 0 ? hitPoint(this.map, p) : null;
  }

  private coursePointAt(p: ScreenPoint): string | null {
    return this.host.loaded() && this.host.drawn().coursePoints > 0 ? hitCoursePoint(this.map, p) : null;
  }

  private legAt(p: ScreenPoint): number | null {
    return this.host.loaded() && this.host.drawn().legs > 0 ? hitLeg(this.map, p) : null;
  }

  private featuresAt(p: ScreenPoint): F[] {
    return this.host.loaded() ? hitFeatures(this.map, p, this.host.featureLayers()) : [];
  }

  // ── map events (MapController binds these) ──

  onMouseDown = (e: MapPointerEvent): void => {
    if (e.originalEvent.button !== 0) return;
    this.startPress(e, false);
  };

  onTouchStart = (e: MapPointerEvent): void => {
    if (e.points?.length !== 1) return;
    this.startPress(e, true);
  };

  onClick = (e: MapPointerEvent): void => {
    if (this.env.now() < this.suppressClickUntil) {
      this.suppressClickUntil = 0;
      return;
    }
    const mode = this.host.mode();
    if (mode !== 'place' && this.pointAt(e.point) !== null) return;
    const lonlat: LonLat = [e.lngLat.lng, e.lngLat.lat];
    if (mode === 'inspect') {
      const features = this.featuresAt(e.point);
      if (features.length > 0) {
        this.host.openPopup(features, lonlat);
        return;
      }
    }
    this.host.emit('click', lonlat, mode);
  };

  onContextMenu = (e: MapPointerEvent): void => {
    const index = this.pointAt(e.point);
    if (index !== null) {
      e.preventDefault();
      e.originalEvent.preventDefault();
      this.host.emit('pointcontextmenu', index);
      return;
    }
    // in draw mode a left click adds a point: the right click is the way to read a feature
    if (this.host.mode() === 'draw') {
      const features = this.featuresAt(e.point);
      if (features.length > 0) {
        e.originalEvent.preventDefault();
        this.host.openPopup(features, [e.lngLat.lng, e.lngLat.lat]);
      }
    }
  };

  onMouseMove = (e: MapPointerEvent): void => {
    this.lastMouse = { x: e.point.x, y: e.point.y };
    if (!this.hoverFrame && !this.drag)
      this.hoverFrame = this.env.frame(() => {
        this.hoverFrame = 0;
        this.refreshCursor();
      });
  };

  onMouseOut = (): void => {
    this.lastMouse = null;
  };

  /** The cursor for what is under the mouse in the current mode. */
  refreshCursor(): void {
    if (this.destroyed || this.drag) return;
    const p = this.lastMouse;
    const mode = this.host.mode();
    let cursor = mode === 'inspect' ? '' : 'crosshair';
    if (p && mode === 'place' && this.coursePointAt(p) !== null) cursor = 'grab';
    if (p && mode !== 'place') {
      if (this.pointAt(p) !== null || this.legAt(p) !== null) cursor = 'pointer';
      else if (mode === 'inspect' && this.featuresAt(p).length > 0) cursor = 'pointer';
    }
    this.map.getCanvas().style.cursor = cursor;
  }

  // ── a press, its moves, its release ──

  private startPress(e: MapPointerEvent, touch: boolean): void {
    const lonlat: LonLat = [e.lngLat.lng, e.lngLat.lat];
    const at = { x: e.point.x, y: e.point.y, moved: false, lonlat, touch };
    if (this.host.mode() === 'place') {
      // a point on the course is dragged; a press elsewhere is a click
      const id = this.coursePointAt(e.point);
      if (id === null) return;
      this.drag = { kind: 'coursepoint', id, ...at };
    } else {
      const point = this.pointAt(e.point);
      const leg = point === null ? this.legAt(e.point) : null;
      if (point !== null) this.drag = { kind: 'point', index: point, ...at };
      else if (leg !== null) this.drag = { kind: 'insert', leg, ...at };
      else return;
    }
    e.preventDefault(); // no drag-pan for this gesture
    this.map.dragPan.disable();
    this.host.closePopup();
    const { target } = this.env;
    if (touch) {
      target.addEventListener('touchmove', this.onWindowMove, { passive: false });
      target.addEventListener('touchend', this.onWindowUp);
      target.addEventListener('touchcancel', this.onWindowUp);
    } else {
      target.addEventListener('mousemove', this.onWindowMove);
      target.addEventListener('mouseup', this.onWindowUp);
    }
  }

  private endDragListeners(): void {
    const { target } = this.env;
    target.removeEventListener('mousemove', this.onWindowMove);
    target.removeEventListener('mouseup', this.onWindowUp);
    target.removeEventListener('touchmove', this.onWindowMove);
    target.removeEventListener('touchend', this.onWindowUp);
    target.removeEventListener('touchcancel', this.onWindowUp);
  }

  private canvasPoint(ev: WindowPointerEvent): ScreenPoint | null {
    const src = 'touches' in ev ? (ev.touches[0] ?? ev.changedTouches[0]) : ev;
    if (!src) return null;
    const rect = this.map.getCanvasContainer().getBoundingClientRect();
    return { x: src.clientX - rect.left, y: src.clientY - rect.top };
  }

  private lonLatAt(p: ScreenPoint): LonLat {
    const ll = this.map.unproject([p.x, p.y]);
    return [ll.lng, ll.lat];
  }

  private onWindowMove = (ev: WindowPointerEvent): void => {
    const drag = this.drag;
    if (!drag) return;
    if (ev.cancelable) ev.preventDefault();
    const p = this.canvasPoint(ev);
    if (!p) return;
    if (!drag.moved && Math.hypot(p.x - drag.x, p.y - drag.y) < DRAG_TOLERANCE_PX) return;
    const first = !drag.moved;
    drag.moved = true;
    drag.lonlat = this.lonLatAt(p);
    if (first) {
      this.map.getCanvas().style.cursor = 'grabbing';
      if (drag.kind === 'point') this.host.emit('pointdragstart', drag.index);
    }
    if (!this.dragFrame) this.dragFrame = this.env.frame(this.renderDrag);
  };

  private renderDrag = (): void => {
    this.dragFrame = 0;
    const drag = this.drag;
    if (!drag?.moved) return;
    this.host.drawDrag(drag);
    if (drag.kind === 'point') this.host.emit('pointdrag', drag.index, drag.lonlat);
  };

  private onWindowUp = (ev: WindowPointerEvent): void => {
    const drag = this.drag;
    this.endDragListeners();
    this.map.dragPan.enable();
    if (!drag) return;
    if (drag.moved) {
      const p = this.canvasPoint(ev);
      if (p) drag.lonlat = this.lonLatAt(p);
      // the last frame is drawn now, where the pointer was released
      this.env.cancelFrame(this.dragFrame);
      this.renderDrag();
    }
    this.drag = null;
    this.suppressClickUntil = this.env.now() + CLICK_AFTER_DRAG_MS;
    this.refreshCursor();
    this.host.dropped(drag);
    const { host } = this;
    if (drag.kind === 'coursepoint') {
      if (drag.moved) host.emit('coursepointmove', drag.id, drag.lonlat);
      else host.emit('click', drag.lonlat, host.mode());
    } else if (drag.kind === 'point') {
      if (drag.moved) host.emit('pointdragend', drag.index, drag.lonlat);
      else host.emit('pointclick', drag.index);
    } else if (drag.moved) host.emit('insert', drag.leg, drag.lonlat);
    else host.emit('click', drag.lonlat, host.mode());
  };
}
