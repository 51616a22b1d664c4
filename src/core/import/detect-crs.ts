// Which coordinate system a GeoJSON is in: what its `crs` member says (GeoJSON 2008, still
// written by QGIS and ogr2ogr for Lambert-93 files), else what its coordinate ranges imply.
// A file that names a system we do not support is 'unknown' rather than guessed.
//
// Ranges alone cannot tell Web Mercator (EPSG:3857) from Lambert-93: both are metres and overlap
// over most of France (Lille is x ≈ 341 km, y ≈ 6.56 Mm in Web Mercator, a Lambert-93 point off
// La Rochelle). Where the ranges leave a choice, the region Cavalier is made for decides
// (REGION_BOUNDS, france.ts): the reading that lands there wins. The same test, after a file is
// read, proposes another reading when the one used lands far away (proposeCrs).

import { crsConverter, type CrsCode } from './crs';
import { REGION_BOUNDS } from './france';

export interface CrsDetection {
  crs: CrsCode | 'unknown';
  /** how it was found: the `crs` member, the coordinate ranges, the file format (GPX, OSM…), or not at all */
  by: 'crs-member' | 'coordinates' | 'format' | 'none';
  /** the `crs` member's name as written in the file (data: quote it as text, never as HTML) */
  declared?: string;
  /** the coordinates contradict the declared system and fit `crs` instead */
  conflict?: boolean;
}

/**
 * Another reading of a file's coordinates: in system `crs`, with x and y exchanged when `swap`
 * (a longitude/latitude file written latitude first, say).
 */
export interface CrsProposal {
  crs: CrsCode;
  swap: boolean;
}

type Bbox = readonly [number, number, number, number];

/** Coordinate ranges of each system over metropolitan France, in its own units. */
const RANGES: Record<CrsCode, Bbox> = {
  // any longitude/latitude: a file in degrees outside France is reported as such later,
  // which says more than "unknown projection"
  'EPSG:4326': [-180, -90, 180, 90],
  'EPSG:2154': [100_000, 6_000_000, 1_300_000, 7_200_000],
  'EPSG:27572': [0, 1_600_000, 1_200_000, 2_700_000],
  // France is x -612 km (Ouessant) to 1113 km (10° E), y 5.01 Mm (41° N) to 6.71 Mm (51.5° N)
  'EPSG:3857': [-700_000, 4_900_000, 1_200_000, 6_800_000],
};

/** The order in which ranges are tried, and ties broken when no reading lands in the region: narrowest first, Lambert-93 (the national system) before Web Mercator. */
const DETECTION_ORDER: readonly CrsCode[] = ['EPSG:4326', 'EPSG:2154', 'EPSG:27572', 'EPSG:3857'];

/** EPSG codes accepted for each system (27582 is the deprecated duplicate of 27572; 4171 is RGF93 in degrees). */
const EPSG_ALIASES: Record<string, CrsCode> = {
  '4326': 'EPSG:4326',
  '4171': 'EPSG:4326',
  '2154': 'EPSG:2154',
  '27572': 'EPSG:27572',
  '27582': 'EPSG:27572',
  // 900913 ("google" on a phone keypad), 3785 and ESRI's 102100 and 102113 are older codes for it
  '3857': 'EPSG:3857',
  '900913': 'EPSG:3857',
  '3785': 'EPSG:3857',
  '102100': 'EPSG:3857',
  '102113': 'EPSG:3857',
};

export function detectCrs(geojson: unknown): CrsDetection {
  const declared = declaredName(geojson);
  const bbox = coordinateBbox(geojson);
  const fromRanges = bbox ? crsFromExtent(bbox) : null;
  if (declared !== undefined) {
    const crs = crsFromName(declared);
    if (crs === null) return { crs: 'unknown', by: 'crs-member', declared };
    if (bbox && !fits(bbox, RANGES[crs]) && fromRanges) return { crs: fromRanges, by: 'coordinates', declared, conflict: true };
    return { crs, by: 'crs-member', declared };
  }
  if (fromRanges) return { crs: fromRanges, by: 'coordinates' };
  return { crs: 'unknown', by: 'none' };
}

/** "urn:ogc:def:crs:EPSG::2154", "EPSG:2154", "http://www.opengis.net/def/crs/EPSG/0/2154", "RGF93 / Lambert-93"… */
export function crsFromName(name: string): CrsCode | null {
  const n = name.trim();
  if (/^urn:ogc:def:crs:OGC:[\d.]*:CRS84$/i.test(n) || /\/def\/crs\/OGC\/[\d.]+\/CRS84$/i.test(n)) return 'EPSG:4326';
  const epsg = /(?:EPSG|ESRI)(?::[\d.]*)?:+(\d+)$/i.exec(n) ?? /\/def\/crs\/EPSG\/[\d.]+\/(\d+)$/i.exec(n);
  if (epsg) return EPSG_ALIASES[epsg[1]] ?? null;
  // names used by ESRI .prj files, IGN's IGNF register and older QGIS exports
  const flat = n
    .toLowerCase()
    .replace(/[\s_()/-]+/g, ' ')
    .trim();
  if (/^ignf:lamb93$|^rgf93 (v1 )?lambert 93$|^lambert 93$/.test(flat)) return 'EPSG:2154';
  if (/^ignf:lambe$|^ntf (paris )?lambert (zone )?ii( [ée]tendu| extended| carto)?$|^ntf paris lambert zone ii$|^lambert ii [ée]tendu$/.test(flat)) {
    return 'EPSG:27572';
  }
  if (/^ignf:(wgs84g|rgf93g)$|^wgs ?84$/.test(flat)) return 'EPSG:4326';
  if (/^(wgs ?84 )?pseudo mercator$|^web mercator$|^google maps global mercator$|^popular visualisation pseudo mercator$/.test(flat)) return 'EPSG:3857';
  return null;
}

function declaredName(geojson: unknown): string | undefined {
  if (!isObject(geojson) || !isObject(geojson.crs)) return undefined;
  const crs = geojson.crs;
  const props = isObject(crs.properties) ? crs.properties : {};
  if (typeof props.name === 'string') return clip(props.name);
  // the 2008 draft's {"type": "EPSG", "properties": {"code": 2154}}
  if (typeof props.code === 'number' || typeof props.code === 'string') return `EPSG:${clip(String(props.code))}`;
  return typeof crs.type === 'string' ? clip(crs.type) : '';
}

/** A declared name is quoted in messages: keep it short and printable. */
function clip(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim()
    .slice(0, 100);
}

/** The system whose French coordinate ranges hold this [west, south, east, north] extent (also used for DEM grids). */
export function crsFromExtent(bbox: Bbox): CrsCode | null {
  const candidates = DETECTION_ORDER.filter((code) => fits(bbox, RANGES[code]));
  if (candidates.length < 2) return candidates[0] ?? null;
  return candidates.find((code) => landing(bbox, code, false) === 'inside') ?? candidates[0];
}

/**
 * Another reading of the coordinates when the one used (`crs`, axes exchanged when `swapped`)
 * puts them far outside the region and that one puts them inside; null otherwise. "Far outside"
 * is plain: no part of the file's extent, so read, within REGION_BOUNDS (Hauts-de-France widened
 * by 1°, about 100 km); "inside" is the whole extent within it. A reading must also fit its
 * system's French ranges. Readings tried: the same system with the axes the other way, then each
 * other system with the axes as they are.
 */
export function proposeCrs(bbox: Bbox, crs: CrsCode, swapped = false): CrsProposal | null {
  if (landing(bbox, crs, swapped) !== 'far') return null;
  const readings: CrsProposal[] = [{ crs, swap: !swapped }, ...DETECTION_ORDER.filter((c) => c !== crs).map((c) => ({ crs: c, swap: swapped }))];
  return readings.find((r) => fits(r.swap ? swap(bbox) : bbox, RANGES[r.crs]) && landing(bbox, r.crs, r.swap) === 'inside') ?? null;
}

/**
 * Where an extent lands read in `crs`: the extent of its corners, edge middles and centre once
 * converted (the projections here bend an extent's edges by far less than the region's margin).
 * A point that cannot be converted (off the NTF grid) makes it far.
 */
function landing(bbox: Bbox, crs: CrsCode, swapped: boolean): 'inside' | 'far' | 'across' {
  const convert = crsConverter(crs, 'EPSG:4326');
  const [w, s, e, n] = bbox;
  const out = [Infinity, Infinity, -Infinity, -Infinity];
  for (const x of [w, (w + e) / 2, e]) {
    for (const y of [s, (s + n) / 2, n]) {
      const [lon, lat] = swapped ? convert(y, x) : convert(x, y);
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'far';
      out[0] = Math.min(out[0], lon);
      out[1] = Math.min(out[1], lat);
      out[2] = Math.max(out[2], lon);
      out[3] = Math.max(out[3], lat);
    }
  }
  const r = REGION_BOUNDS;
  if (out[0] >= r.west && out[1] >= r.south && out[2] <= r.east && out[3] <= r.north) return 'inside';
  return out[0] > r.east || out[2] < r.west || out[1] > r.north || out[3] < r.south ? 'far' : 'across';
}

const fits = (b: Bbox, r: Bbox) => b[0] >= r[0] && b[1] >= r[1] && b[2] <= r[2] && b[3] <= r[3];

const swap = (b: Bbox): Bbox => [b[1], b[0], b[3], b[2]];

/** Bbox of every finite [x, y] under a `coordinates` member anywhere in the value; null when there is none. */
function coordinateBbox(root: unknown): Bbox | null {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: unknown[]) => {
    const [x, y] = p;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  };
  const stack: { v: unknown; coords: boolean }[] = [{ v: root, coords: false }];
  while (stack.length) {
    const item = stack.pop();
    if (!item) continue;
    const { v, coords } = item;
    if (Array.isArray(v)) {
      // positions are read here rather than pushed: they are most of a large file
      if (coords && typeof v[0] === 'number') {
        add(v);
        continue;
      }
      for (const c of v) {
        if (coords && Array.isArray(c) && typeof c[0] === 'number') add(c);
        else stack.push({ v: c, coords });
      }
    } else if (isObject(v)) {
      if ('coordinates' in v) stack.push({ v: v.coordinates, coords: true });
      for (const k of ['features', 'geometry', 'geometries'] as const) if (k in v) stack.push({ v: v[k], coords: false });
    }
  }
  return b[0] <= b[2] ? b : null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** For callers that build a detection for formats whose system is fixed (GPX, KML, OSM are WGS84). */
export const WGS84_BY_FORMAT: CrsDetection = { crs: 'EPSG:4326', by: 'format' };
