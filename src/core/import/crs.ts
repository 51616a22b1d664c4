// The three coordinate reference systems of the basin's open data, plus Web Mercator (what web
// map tools and OSM database dumps such as osm2pgsql write), with the definitions PROJ uses, and
// point converters between them built on proj4.
//
// Lambert II étendu (NTF) needs a datum change. PROJ knows two for it:
//  - the IGN grid ntf_r93 (NTF → RGF93, shifts interpolated between nodes every 0.1°: the
//    IGN's reference transformation), which PROJ uses for EPSG:27572 → EPSG:2154 or EPSG:4171;
//  - the 3-parameter Helmert "NTF to WGS 84 (1)" (towgs84=-168,-60,320, stated accuracy 2 m),
//    which PROJ 9 picks for EPSG:27572 → EPSG:4326 because no grid is registered for that pair.
// In the basin the two differ by 2.2 m (Lillers) to 2.9 m (Valenciennes). Lambert-93 layers reach
// WGS84 through RGF93, which PROJ treats as identical to WGS84 (null transformation): only the
// grid puts a Lambert II layer on top of a Lambert-93 one, so the grid is the default here (it is
// also what PROJ 4's own epsg file said: +nadgrids=ntf_r93.gsb). The grid ships with the code
// (./ntf-r93/, 139 kB) so this works offline, in workers and in the CLI.

import proj4 from 'proj4';
import { NTF_R93_NTV2_BASE64 } from './ntf-r93/data';

import type { CrsCode } from './crs-names';

// the codes and their names live apart (no proj4) so that the page can show them without loading proj4
export type { CrsCode } from './crs-names';

const NTF_GRID_KEY = 'cavalier-ntf_r93';

/**
 * proj4 definitions: `projinfo EPSG:xxxx -o PROJ` (PROJ 9.1), except that Lambert II étendu
 * takes its datum from the IGN grid instead of towgs84 (see the file comment).
 */
export const CRS_DEFS: Record<CrsCode, string> = {
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs +type=crs',
  'EPSG:2154': '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs',
  'EPSG:27572': `+proj=lcc +lat_1=46.8 +lat_0=46.8 +lon_0=0 +k_0=0.99987742 +x_0=600000 +y_0=2200000 +ellps=clrk80ign +pm=paris +nadgrids=${NTF_GRID_KEY} +units=m +no_defs +type=crs`,
  // a sphere of the WGS84 semi-major axis, whose longitudes and latitudes are taken as WGS84 ones
  // (that is what "pseudo" means): no datum shift, hence the null grid
  'EPSG:3857': '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs +type=crs',
};

/** EPSG:27572 exactly as `projinfo EPSG:27572 -o PROJ` prints it: the 2 m Helmert datum shift. */
export const EPSG_27572_HELMERT_DEF =
  '+proj=lcc +lat_1=46.8 +lat_0=46.8 +lon_0=0 +k_0=0.99987742 +x_0=600000 +y_0=2200000 +ellps=clrk80ign +pm=paris +towgs84=-168,-60,320,0,0,0,0 +units=m +no_defs +type=crs';

/** Converts one point; NaN, NaN when the point cannot be converted (outside the NTF grid, say). */
export type PointConverter = (x: number, y: number) => [number, number];

const converters = new Map<string, PointConverter>();

/** A converter between two of the supported systems (x, y = lon, lat in degrees for EPSG:4326). */
export function crsConverter(from: CrsCode, to: CrsCode = 'EPSG:4326'): PointConverter {
  const key = `${from}>${to}`;
  const cached = converters.get(key);
  if (cached) return cached;
  let convert: PointConverter;
  if (from === to) convert = (x, y) => [x, y];
  else {
    const ntf = from === 'EPSG:27572' || to === 'EPSG:27572';
    if (ntf) loadNtfGrid();
    const c = proj4(CRS_DEFS[from], CRS_DEFS[to]);
    const inGrid = ntf ? pointInNtfGrid(from) : () => true;
    convert = (x, y) => {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return [NaN, NaN];
      if (!inGrid(x, y)) return [NaN, NaN];
      // proj4 logs and returns undefined or Infinity when a grid does not cover the point
      const out: unknown = c.forward([x, y]);
      if (!Array.isArray(out)) return [NaN, NaN];
      const [a, b] = out as number[];
      return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : [NaN, NaN];
    };
  }
  converters.set(key, convert);
  return convert;
}

/** The grid's extent on NTF longitudes (Greenwich) and latitudes, in degrees. */
const NTF_GRID_BOUNDS = { west: -5.5, east: 10, south: 41, north: 52 };

/**
 * Whether a point of `from` falls on the grid. Checked before converting to or from Lambert II
 * étendu because proj4 reports a point off the grid with console.log ("Failed to find a grid
 * shift table"), which would corrupt the CLI's standard output.
 */
function pointInNtfGrid(from: CrsCode): (x: number, y: number) => boolean {
  const b = NTF_GRID_BOUNDS;
  // NTF and RGF93 longitudes and latitudes differ by under 5": a 0.01° margin covers it
  const m = from === 'EPSG:27572' ? 0 : 0.01;
  let toLonLat: (x: number, y: number) => number[] | null;
  if (from === 'EPSG:4326') toLonLat = (x, y) => [x, y];
  else {
    // the inverse projection alone (same ellipsoid, no datum change) for Lambert II étendu
    const def = from === 'EPSG:27572' ? CRS_DEFS[from].replace(/ \+nadgrids=\S+/, '') : CRS_DEFS[from];
    const geo = from === 'EPSG:27572' ? '+proj=longlat +ellps=clrk80ign +no_defs +type=crs' : CRS_DEFS['EPSG:4326'];
    const c = proj4(def, geo);
    toLonLat = (x, y) => {
      const out: unknown = c.forward([x, y]);
      return Array.isArray(out) ? (out as number[]) : null;
    };
  }
  return (x, y) => {
    const p = toLonLat(x, y);
    return p !== null && p[0] >= b.west + m && p[0] <= b.east - m && p[1] >= b.south + m && p[1] <= b.north - m;
  };
}

let gridLoaded = false;

/** Hands the embedded grid to proj4 once, on first use of Lambert II étendu. */
function loadNtfGrid(): void {
  if (gridLoaded) return;
  proj4.nadgrid(NTF_GRID_KEY, decodeBase64(NTF_R93_NTV2_BASE64), { includeErrorFields: false });
  gridLoaded = true;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Plain base64 → bytes: atob is not in the core's library (no DOM), and Buffer is node only. */
function decodeBase64(text: string): ArrayBuffer {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = lookup[clean.charCodeAt(i)];
    const b = lookup[clean.charCodeAt(i + 1)];
    const c = lookup[clean.charCodeAt(i + 2)];
    const d = lookup[clean.charCodeAt(i + 3)];
    out[o++] = (a << 2) | (b >> 4);
    if (o < out.length) out[o++] = ((b & 15) << 4) | (c >> 2);
    if (o < out.length) out[o++] = ((c & 3) << 6) | d;
  }
  return out.buffer;
}
