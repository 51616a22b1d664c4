// `npm run data:build -- --dem-online`: a measured DEM over the basin, asked of the IGN
// Géoplateforme altimetry (RGE ALTI® / BD ALTI®, the client of src/adapters/altimetry.ts, 5
// requests a second), so that `npm start` on a connected machine has real relief (the terrils
// among it) from the start. Written as public/data/dem.json (a DemGrid without its values) and
// dem.bin (Float32 LE), beside the relief approché, which stays the fallback. Offline the build
// goes on without it and says so; a DEM fetched earlier is kept.

import fs from 'node:fs';
import path from 'node:path';
import { ALTIMETRY_MAX_SAMPLES, ALTIMETRY_MIN_INTERVAL_MS, ALTIMETRY_URL, altimetryRequests, readAltimetryAnswer } from '../src/core/elevation/altimetry.ts';
import type { DemGrid } from '../src/core/types.ts';

// the manifest's source text, French like every layer's source in layers.json
const ALTIMETRY_ATTRIBUTION = 'IGN – Géoplateforme, service de calcul altimétrique (RGE ALTI®, BD ALTI®), Licence ouverte Etalab 2.0';

/** One answer of 5,000 elevations: seconds; a minute is a dead service. */
const REQUEST_TIMEOUT_MS = 60_000;
const USER_AGENT = 'Cavalier data pipeline (route planner for the Bassin minier)';

/**
 * The elevations of the points, rank for rank (null: no data), or why not in French. The
 * pipeline asks with node's fetch (it stands below the app's adapters), one request at a time,
 * 200 ms apart at least: the service's 5 a second.
 */
async function askPoints(
  points: [number, number][],
  url: string,
  last: { at: number },
): Promise<{ ok: true; z: (number | null)[] } | { ok: false; why: string }> {
  const z: (number | null)[] = [];
  for (const req of altimetryRequests(points, url)) {
    const wait = last.at + ALTIMETRY_MIN_INTERVAL_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    last.at = Date.now();
    let json: unknown;
    try {
      const res = await fetch(req.url, {
        method: req.method,
        body: req.body,
        headers: { 'User-Agent': USER_AGENT, ...(req.body ? { 'Content-Type': 'application/json' } : {}) },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (res.status === 429) return { ok: false, why: `le service limite les demandes (HTTP 429)` };
      if (!res.ok) return { ok: false, why: `le service a répondu HTTP ${res.status}` };
      json = JSON.parse(await res.text());
    } catch (e) {
      const name = (e as Error)?.name;
      return {
        ok: false,
        why:
          name === 'TimeoutError'
            ? 'le service n’a pas répondu à temps'
            : name === 'SyntaxError'
              ? 'réponse illisible ou coupée'
              : `service injoignable (hors ligne ?)`,
      };
    }
    const a = readAltimetryAnswer(json, req.points.length);
    if (!a.ok)
      return {
        ok: false,
        why: a.code === 'altimetry.incomplete' ? `réponse incomplète (${a.detail.got} altitudes sur ${a.detail.expected})` : 'réponse d’une forme inattendue',
      };
    // a lone last point is asked with its predecessor: keep only the new ones
    z.push(...a.elevations.slice(a.elevations.length - Math.min(a.elevations.length, points.length - z.length)));
  }
  return { ok: true, z };
}

/** ~70 m × 111 m at 50.45° N: a terril (300 m and more across) spans several cells */
const DEM_ONLINE_STEP_DEG = 0.001;
const DEM_ONLINE_NODATA = -9999;
const DEM_ONLINE_NAME = 'RGE ALTI® / BD ALTI® (IGN Géoplateforme), grille 0,001°';

export interface DemOnlineOptions {
  bbox: [number, number, number, number];
  step?: number;
  /** the service's address (a local stub in tests) */
  url?: string;
  onProgress?: (done: number, total: number) => void;
}

/** The grid's cell centres asked row by row, 5,000 at a time; all or nothing. */
export async function fetchBasinDem(o: DemOnlineOptions): Promise<{ ok: true; grid: DemGrid } | { ok: false; why: string }> {
  const step = o.step ?? DEM_ONLINE_STEP_DEG;
  const [west, south, east, north] = o.bbox;
  const width = Math.max(1, Math.round((east - west) / step));
  const height = Math.max(1, Math.round((north - south) / step));
  const dx = (east - west) / width;
  const dy = (north - south) / height;
  const centre = (k: number): [number, number] => [west + ((k % width) + 0.5) * dx, north - (Math.floor(k / width) + 0.5) * dy];
  const total = width * height;
  const values = new Float32Array(total);
  const last = { at: 0 };
  for (let start = 0; start < total; start += ALTIMETRY_MAX_SAMPLES) {
    const pts: [number, number][] = [];
    for (let k = start; k < Math.min(total, start + ALTIMETRY_MAX_SAMPLES); k++) pts.push(centre(k));
    const r = await askPoints(pts, o.url ?? ALTIMETRY_URL, last);
    if (!r.ok) return r;
    r.z.forEach((z, i) => {
      values[start + i] = z ?? DEM_ONLINE_NODATA;
    });
    o.onProgress?.(Math.min(total, start + ALTIMETRY_MAX_SAMPLES), total);
  }
  return { ok: true, grid: { name: DEM_ONLINE_NAME, approximate: false, west, south, east, north, width, height, values, nodata: DEM_ONLINE_NODATA } };
}

/** Writes dem.json and dem.bin; the manifest entry the page reads them by. */
export function writeBasinDem(outDir: string, grid: DemGrid): { url: string; valuesUrl: string; name: string; source: string; licence: string } {
  const { values, ...header } = grid;
  fs.writeFileSync(path.join(outDir, 'dem.bin'), Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  fs.writeFileSync(
    path.join(outDir, 'dem.json'),
    JSON.stringify({ ...header, valuesFile: 'dem.bin', format: 'float32-le', attribution: ALTIMETRY_ATTRIBUTION }),
  );
  return { url: 'data/dem.json', valuesUrl: 'data/dem.bin', name: grid.name, source: ALTIMETRY_ATTRIBUTION, licence: 'Licence ouverte Etalab 2.0' };
}
