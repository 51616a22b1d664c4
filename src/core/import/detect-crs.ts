// Which coordinate system a GeoJSON is in: what its `crs` member says (GeoJSON 2008, still
// written by QGIS and ogr2ogr for Lambert-93 files), else what its coordinate ranges imply.
// A file that names a system we do not support is 'unknown' rather than guessed: Web Mercator
// (EPSG:3857) coordinates of the basin (x ≈ 300 km, y ≈ 6.5 Mm) fall inside Lambert-93's ranges.

import type { CrsCode } from './crs';

export interface CrsDetection {
  crs: CrsCode | 'unknown';
  /** how it was found: the `crs` member, the coordinate ranges, the file format (GPX, OSM…), or not at all */
  by: 'crs-member' | 'coordinates' | 'format' | 'none';
  /** the `crs` member's name as written in the file (data: quote it as text, never as HTML) */
  declared?: string;
  /** the coordinates contradict the declared system and fit `crs` instead */
  conflict?: boolean;
}

type Bbox = readonly [number, number, number, number];

/** Coordinate ranges of each system over metropolitan France, in its own units. */
const RANGES: Record<CrsCode, Bbox> = {
  // any longitude/latitude: a file in degrees outside France is reported as such later,
  // which says more than "unknown projection"
  'EPSG:4326': [-180, -90, 180, 90],
  'EPSG:2154': [100_000, 6_000_000, 1_300_000, 7_200_000],
  'EPSG:27572': [0, 1_600_000, 1_200_000, 2_700_000],
};

/** EPSG codes accepted for each system (27582 is the deprecated duplicate of 27572; 4171 is RGF93 in degrees). */
const EPSG_ALIASES: Record<string, CrsCode> = {
  '4326': 'EPSG:4326',
  '4171': 'EPSG:4326',
  '2154': 'EPSG:2154',
  '27572': 'EPSG:27572',
  '27582': 'EPSG:27572',
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
  const epsg = /EPSG(?::[\d.]*)?:+(\d+)$/i.exec(n) ?? /\/def\/crs\/EPSG\/[\d.]+\/(\d+)$/i.exec(n);
  if (epsg) return EPSG_ALIASES[epsg[1]] ?? null;
  // names used by ESRI .prj files, IGN's IGNF register and older QGIS exports
  const flat = n.toLowerCase().replace(/[\s_()/-]+/g, ' ').trim();
  if (/^ignf:lamb93$|^rgf93 (v1 )?lambert 93$|^lambert 93$/.test(flat)) return 'EPSG:2154';
  if (/^ignf:lambe$|^ntf (paris )?lambert (zone )?ii( [ée]tendu| extended| carto)?$|^ntf paris lambert zone ii$|^lambert ii [ée]tendu$/.test(flat)) {
    return 'EPSG:27572';
  }
  if (/^ignf:(wgs84g|rgf93g)$|^wgs ?84$/.test(flat)) return 'EPSG:4326';
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
  return s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 100);
}

/** The system whose French coordinate ranges hold this [west, south, east, north] extent (also used for DEM grids). */
export function crsFromExtent(bbox: Bbox): CrsCode | null {
  // degrees first: their range is the narrowest in absolute value
  for (const code of ['EPSG:4326', 'EPSG:2154', 'EPSG:27572'] as const) if (fits(bbox, RANGES[code])) return code;
  return null;
}

const fits = (b: Bbox, r: Bbox) => b[0] >= r[0] && b[1] >= r[1] && b[2] <= r[2] && b[3] <= r[3];

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
