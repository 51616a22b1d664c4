// The map's gestures driven on a fake map (no WebGL, no DOM): presses, moves and releases go in,
// the edits the app receives come out. The fake map renders nothing; it answers hit queries
// from a list of features placed at screen positions, and unprojects x, y as lon = x / 1000,
// lat = y / 1000, so the positions asserted can be read off the pointer's.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  MapGestures,
  type Drag,
  type GestureEnv,
  type GestureEvents,
  type GestureHost,
  type MapMode,
  type MapPointerEvent,
  type WindowPointerEvent,
} from '../../src/map/gestures';
import { hitFeatures, type HitFeature } from '../../src/map/hit-test';
import { LYR } from '../../src/map/layers/route';

interface Placed extends HitFeature {
  layer: string;
  x: number;
  y: number;
}

function fakeMap(features: Placed[]) {
  const map = {
    queries: 0,
    dragPanEnabled: true,
    canvas: { style: { cursor: '' } },
    queryRenderedFeatures([[x0, y0], [x1, y1]]: [[number, number], [number, number]], { layers }: { layers: string[] }): Placed[] {
      map.queries++;
      return features.filter((f) => layers.includes(f.layer) && f.x >= x0 && f.x <= x1 && f.y >= y0 && f.y <= y1);
    },
    unproject: ([x, y]: [number, number]) => ({ lng: x / 1000, lat: y / 1000 }),
    getCanvas: () => map.canvas,
    // the canvas sits at (10, 20) in the page: window events are in page coordinates
    getCanvasContainer: () => ({ getBoundingClientRect: () => ({ left: 10, top: 20 }) }),
    dragPan: {
      enable: () => void (map.dragPanEnabled = true),
      disable: () => void (map.dragPanEnabled = false),
    },
  };
  return map;
}

type Emitted = { [K in keyof GestureEvents]: [K, ...GestureEvents[K]] }[keyof GestureEvents];

function setup(features: Placed[], drawn = { points: 3, legs: 2, coursePoints: 1 }) {
  const map = fakeMap(features);
  const emitted: Emitted[] = [];
  const drawnDrags: Drag[] = [];
  const dropped: Drag[] = [];
  const popups: { features: Placed[]; lonlat: [number, number] }[] = [];
  const state = { mode: 'inspect' as MapMode, now: 0 };
  const host: GestureHost<Placed> = {
    mode: () => state.mode,
    loaded: () => true,
    drawn: () => drawn,
    featureLayers: () => ['terrils'],
    emit: (type, ...args) => emitted.push([type, ...args] as unknown as Emitted),
    drawDrag: (drag) => drawnDrags.push({ ...drag }),
    dropped: (drag) => dropped.push({ ...drag }),
    openPopup: (f, lonlat) => popups.push({ features: f, lonlat }),
    closePopup: () => {},
  };
  const listeners = new Map<string, Set<(ev: WindowPointerEvent) => void>>();
  const frames = new Map<number, () => void>();
  let nextFrame = 1;
  const env: GestureEnv = {
    target: {
      addEventListener: (type, fn) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(fn),
      removeEventListener: (type, fn) => void listeners.get(type)?.delete(fn),
    },
    frame: (fn) => {
      frames.set(nextFrame, fn);
      return nextFrame++;
    },
    cancelFrame: (id) => void frames.delete(id),
    now: () => state.now,
  };
  const gestures = new MapGestures(map, host, env);

  const prevented = { map: 0, original: 0 };
  /** a maplibre event at canvas position (x, y) */
  const at = (x: number, y: number, extra: Partial<MapPointerEvent> & { button?: number } = {}): MapPointerEvent => ({
    point: { x, y },
    lngLat: { lng: x / 1000, lat: y / 1000 },
    preventDefault: () => void prevented.map++,
    originalEvent: { button: extra.button ?? 0, preventDefault: () => void prevented.original++ },
    points: extra.points,
  });
  const fire = (type: string, ev: WindowPointerEvent) => [...(listeners.get(type) ?? [])].forEach((fn) => fn(ev));
  /** a window mouse event at canvas position (x, y) */
  const mouse = (x: number, y: number): WindowPointerEvent => ({ clientX: x + 10, clientY: y + 20, cancelable: true, preventDefault: () => {} });
  const flushFrames = () => {
    const due = [...frames.values()];
    frames.clear();
    due.forEach((fn) => fn());
  };
  const windowListeners = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  /** press at (x, y), move through `path`, release at its last position, then the browser's click */
  const drag = (x: number, y: number, path: [number, number][]) => {
    gestures.onMouseDown(at(x, y));
    for (const [px, py] of path) fire('mousemove', mouse(px, py));
    const [ux, uy] = path.length ? path[path.length - 1] : [x, y];
    fire('mouseup', mouse(ux, uy));
    gestures.onClick(at(ux, uy));
  };
  return { map, gestures, state, emitted, drawnDrags, dropped, popups, prevented, at, fire, mouse, flushFrames, windowListeners, drag, frames };
}

const ROUTE: Placed[] = [
  { layer: LYR.points, source: 'cav-points', x: 100, y: 100, properties: { index: 0 } },
  { layer: LYR.points, source: 'cav-points', x: 300, y: 100, properties: { index: 1 } },
  { layer: LYR.points, source: 'cav-points', x: 500, y: 100, properties: { index: 2 } },
  { layer: LYR.legsHit, source: 'cav-legs', x: 200, y: 100, properties: { leg: 0 } },
  { layer: LYR.legsHit, source: 'cav-legs', x: 400, y: 100, properties: { leg: 1 } },
  { layer: LYR.coursePoints, source: 'cav-course-points', x: 250, y: 150, properties: { id: 'aid-1' } },
  { layer: 'terrils', source: 'terrils', id: 7, x: 100, y: 400, properties: { name: 'Terril 7' } },
];

describe('map gestures on a fake map', () => {
  let g: ReturnType<typeof setup>;
  beforeEach(() => {
    g = setup(ROUTE);
  });

  it('drags a control point: start, one drag per frame, the drop where the pointer was released', () => {
    g.gestures.onMouseDown(g.at(300, 100));
    expect(g.map.dragPanEnabled).toBe(false);
    g.fire('mousemove', g.mouse(301, 101)); // within the tolerance: still a press
    expect(g.emitted).toEqual([]);
    g.fire('mousemove', g.mouse(320, 110));
    g.fire('mousemove', g.mouse(340, 120));
    expect(g.emitted).toEqual([['pointdragstart', 1]]);
    expect(g.map.canvas.style.cursor).toBe('grabbing');
    g.flushFrames(); // two moves, one frame
    expect(g.emitted.slice(1)).toEqual([['pointdrag', 1, [0.34, 0.12]]]);
    expect(g.drawnDrags.map((d) => d.lonlat)).toEqual([[0.34, 0.12]]);
    g.fire('mouseup', g.mouse(350, 130));
    expect(g.emitted.slice(2)).toEqual([
      ['pointdrag', 1, [0.35, 0.13]],
      ['pointdragend', 1, [0.35, 0.13]],
    ]);
    expect(g.map.dragPanEnabled).toBe(true);
    expect(g.windowListeners()).toBe(0);
    expect(g.dropped).toMatchObject([{ kind: 'point', index: 1, moved: true }]);
    expect(g.gestures.current()).toBeNull();
  });

  it('takes a press that does not move for a click on the point, and swallows the browser click that follows', () => {
    g.state.mode = 'draw';
    g.drag(300, 100, [[301, 101]]);
    expect(g.emitted).toEqual([['pointclick', 1]]);
    // a later click is the user's again
    g.state.now = 1000;
    g.gestures.onClick(g.at(700, 700));
    expect(g.emitted.slice(1)).toEqual([['click', [0.7, 0.7], 'draw']]);
  });

  it('inserts a point in the leg that was pressed and dragged', () => {
    g.drag(400, 100, [
      [400, 80],
      [400, 60],
    ]);
    expect(g.emitted).toEqual([['insert', 1, [0.4, 0.06]]]);
    expect(g.dropped).toMatchObject([{ kind: 'insert', leg: 1, moved: true }]);
  });

  it('makes a press on the route that does not move a click at that place, tagged with the mode', () => {
    g.state.mode = 'draw';
    g.drag(200, 100, []);
    expect(g.emitted).toEqual([['click', [0.2, 0.1], 'draw']]);
  });

  it('drags a point on the course in placing mode, and leaves control points alone there', () => {
    g.state.mode = 'place';
    g.drag(250, 150, [[270, 170]]);
    expect(g.emitted).toEqual([['coursepointmove', 'aid-1', [0.27, 0.17]]]);
    expect(g.drawnDrags).toMatchObject([{ kind: 'coursepoint', id: 'aid-1' }]);

    g.emitted.length = 0;
    g.state.now = 1000;
    // a control point is not draggable while placing: the press is the map's (it pans), the click places
    g.gestures.onMouseDown(g.at(300, 100));
    expect(g.map.dragPanEnabled).toBe(true);
    expect(g.windowListeners()).toBe(0);
    g.gestures.onClick(g.at(300, 100));
    expect(g.emitted).toEqual([['click', [0.3, 0.1], 'place']]);
  });

  it('sends one click per click, with the mode it was made in, so that one tool answers', () => {
    for (const mode of ['draw', 'place'] as const) {
      g.state.mode = mode;
      g.gestures.onClick(g.at(700, 700));
    }
    expect(g.emitted).toEqual([
      ['click', [0.7, 0.7], 'draw'],
      ['click', [0.7, 0.7], 'place'],
    ]);
  });

  it('opens a popup for a feature clicked in inspect mode only; a click on a control point is not a click', () => {
    g.gestures.onClick(g.at(101, 401));
    expect(g.popups).toMatchObject([{ lonlat: [0.101, 0.401] }]);
    expect(g.popups[0].features.map((f) => f.properties?.name)).toEqual(['Terril 7']);
    expect(g.emitted).toEqual([]);

    g.gestures.onClick(g.at(100, 100));
    expect(g.emitted).toEqual([]);

    g.state.mode = 'draw';
    g.gestures.onClick(g.at(101, 401));
    expect(g.popups).toHaveLength(1);
    expect(g.emitted).toEqual([['click', [0.101, 0.401], 'draw']]);
  });

  it('deletes on a right click on a point; in draw mode a right click reads a feature', () => {
    g.gestures.onContextMenu(g.at(500, 100, { button: 2 }));
    expect(g.emitted).toEqual([['pointcontextmenu', 2]]);
    expect(g.prevented).toEqual({ map: 1, original: 1 });

    g.gestures.onContextMenu(g.at(100, 400, { button: 2 }));
    expect(g.popups).toHaveLength(0);
    g.state.mode = 'draw';
    g.gestures.onContextMenu(g.at(100, 400, { button: 2 }));
    expect(g.popups).toHaveLength(1);
  });

  it('ignores the right button and two-finger touches; drags with one finger', () => {
    g.gestures.onMouseDown(g.at(300, 100, { button: 2 }));
    g.gestures.onTouchStart(g.at(300, 100, { points: [{}, {}] }));
    expect(g.windowListeners()).toBe(0);

    g.gestures.onTouchStart(g.at(100, 100, { points: [{}] }));
    const touch = (x: number, y: number): WindowPointerEvent => ({
      touches: [{ clientX: x + 10, clientY: y + 20 }],
      changedTouches: [{ clientX: x + 10, clientY: y + 20 }],
      cancelable: true,
      preventDefault: () => {},
    });
    g.fire('touchmove', touch(140, 100));
    // the finger is lifted: no touch left, the last changed one says where
    g.fire('touchend', { touches: [], changedTouches: [{ clientX: 160, clientY: 130 }], preventDefault: () => {} });
    expect(g.emitted).toEqual([
      ['pointdragstart', 0],
      ['pointdrag', 0, [0.15, 0.11]],
      ['pointdragend', 0, [0.15, 0.11]],
    ]);
    expect(g.windowListeners()).toBe(0);
  });

  it('sets the cursor for what is under the mouse in each mode', () => {
    const cursorAt = (x: number, y: number, mode: MapMode) => {
      g.state.mode = mode;
      g.gestures.onMouseMove(g.at(x, y));
      g.flushFrames();
      return g.map.canvas.style.cursor;
    };
    expect(cursorAt(300, 100, 'inspect')).toBe('pointer');
    expect(cursorAt(100, 400, 'inspect')).toBe('pointer');
    expect(cursorAt(700, 700, 'inspect')).toBe('');
    expect(cursorAt(100, 400, 'draw')).toBe('crosshair');
    expect(cursorAt(400, 100, 'draw')).toBe('pointer');
    expect(cursorAt(250, 150, 'place')).toBe('grab');
    expect(cursorAt(300, 100, 'place')).toBe('crosshair');
  });

  it('asks nothing of the map for what is not drawn', () => {
    const empty = setup(ROUTE, { points: 0, legs: 0, coursePoints: 0 });
    empty.state.mode = 'draw';
    empty.drag(300, 100, [[340, 140]]);
    expect(empty.map.queries).toBe(0);
    expect(empty.emitted).toEqual([['click', [0.34, 0.14], 'draw']]);
  });

  it('drops the drag and its frame when destroyed', () => {
    g.gestures.onMouseDown(g.at(300, 100));
    g.fire('mousemove', g.mouse(340, 140));
    expect(g.frames.size).toBe(1);
    g.gestures.destroy();
    expect(g.frames.size).toBe(0);
    expect(g.windowListeners()).toBe(0);
  });
});

describe('hit-testing', () => {
  it('lists a feature cut across tiles once', () => {
    const tile = (id: number, x: number): Placed => ({ layer: 'zones', source: 'layers', sourceLayer: 'zones', id, x, y: 10, properties: {} });
    const map = fakeMap([tile(1, 10), tile(1, 11), tile(2, 12)]);
    expect(hitFeatures(map, { x: 11, y: 10 }, ['zones']).map((f) => f.id)).toEqual([1, 2]);
    expect(hitFeatures(map, { x: 11, y: 10 }, [])).toEqual([]);
  });
});
