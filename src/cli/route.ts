// `cavalier route LON,LAT LON,LAT … [--json] [--gpx FICHIER]`: a route drawn through points on
// the embedded network, as the app draws it with the browser engine (each point snapped to the
// nearest path within 300 m, then one leg between consecutive points: src/core/route/plan.ts),
// with the app's figures: length, metres off the network, each leg's detour ratio, the way-type
// breakdown. --gpx writes the app's GPX of the route (elevations from the relief approché).
//
// --json output (documented fields never change name):
//   {"length_m", "straight_m", "legs": [{"length_m", "crow_m", "straight", "fallback", "detour", "flagged"}],
//    "ways": {kind: metres}, "points": [[lon, lat]…]}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FeatureCollection } from 'geojson';
import { fillElevation } from '../core/elevation/fill';
import { terrilAreas, type TerrilArea } from '../core/elevation/terrils';
import { fail, type Result } from '../core/errors';
import { writeGpx } from '../core/gpx/write';
import { DETOUR_RATIO, joinLegs } from '../core/route/leg';
import { readNetwork, type RoutingNetwork } from '../core/route/network';
import { planRoute, routeFigures, type RouteFigures } from '../core/route/plan';
import type { DemGrid } from '../core/types';
import { formatError } from '../i18n/messages';
import { lang, text } from './lang';

export interface RouteArgs {
  points: [number, number][];
  json: boolean;
  gpx?: string;
}

/** the command line, or the French reason it is wrong (a usage error, exit 2) */
export function parseRouteArgs(argv: string[]): { args: RouteArgs } | { problem: string } | { help: true } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    // "-2.5,50.4" would read as an option: coordinates of the basin are positive, others may pass after --
    options: { json: { type: 'boolean' }, gpx: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return { help: true };
  const points: [number, number][] = [];
  for (const p of positionals) {
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(p);
    const lon = m ? Number(m[1]) : NaN;
    const lat = m ? Number(m[2]) : NaN;
    if (!m || Math.abs(lon) > 180 || Math.abs(lat) > 90) return { problem: text.t('cli.arg.point', { value: p }) };
    points.push([lon, lat]);
  }
  if (points.length < 2) return { problem: text.t('cli.arg.twoPoints') };
  return { args: { points, json: values.json ?? false, gpx: values.gpx } };
}

/** public/data of the project; CAVALIER_DATA_DIR points elsewhere (tests of a missing folder). */
const dataDir = () => process.env.CAVALIER_DATA_DIR || fileURLToPath(new URL('../../public/data/', import.meta.url));

const arrayBufferOf = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** network.bin and its names, as the page loads them into the engine */
function loadEmbeddedNetwork(dir = dataDir()): Result<RoutingNetwork> {
  const bin = join(dir, 'network.bin');
  const meta = join(dir, 'network.json');
  if (!existsSync(bin) || !existsSync(meta)) return fail('network.missing-embedded', { path: dir });
  const names = (JSON.parse(readFileSync(meta, 'utf8')) as { names?: string[] }).names ?? [];
  return readNetwork(arrayBufferOf(readFileSync(bin)), names);
}

/** the relief approché, as the page loads it (relief.json: the grid without values; relief.bin: Float32 LE) */
export function loadRelief(dir = dataDir()): DemGrid | null {
  const head = join(dir, 'relief.json');
  const bin = join(dir, 'relief.bin');
  if (!existsSync(head) || !existsSync(bin)) return null;
  const grid = JSON.parse(readFileSync(head, 'utf8')) as Omit<DemGrid, 'values'>;
  return { ...grid, values: new Float32Array(arrayBufferOf(readFileSync(bin))) };
}

/** the terrils layer, to say where the relief approché misses their climb (empty when the file is absent) */
export function loadTerrils(dir = dataDir()): TerrilArea[] {
  const file = join(dir, 'terrils.geojson');
  return existsSync(file) ? terrilAreas(JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection) : [];
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/** The documented JSON shape of `cavalier route --json`. */
function routeJson(f: RouteFigures, points: [number, number][]) {
  return {
    length_m: round(f.length_m, 2),
    straight_m: round(f.straight_m, 2),
    legs: f.legs.map((l) => ({
      length_m: round(l.length_m, 2),
      crow_m: round(l.crow_m, 2),
      straight: l.straight,
      fallback: l.fallback,
      detour: l.detour === null ? null : round(l.detour, 3),
      flagged: l.flagged,
    })),
    ways: Object.fromEntries(Object.entries(f.ways).map(([k, m]) => [k, round(m, 2)])),
    points: points.map(([x, y]) => [round(x, 7), round(y, 7)]),
  };
}

export function runRoute(args: RouteArgs): number {
  const net = loadEmbeddedNetwork();
  if (!net.ok) {
    process.stderr.write(`${text.t('cli.prefix', { message: formatError(net.error, lang) })}\n`);
    return 1;
  }
  const { points, legs } = planRoute(net.value, args.points);
  const figures = routeFigures(legs);
  if (args.gpx !== undefined) {
    const dem = loadRelief();
    // the app's routeGpx (workers/engine.ts): one segment, elevations filled from the DEM
    const out = writeGpx({ name: text.t('cli.route.gpxName'), segments: [fillElevation(joinLegs(legs), dem)] });
    writeFileSync(args.gpx, out.text);
  }
  process.stdout.write(args.json ? `${JSON.stringify(routeJson(figures, points))}\n` : summary(figures));
  return 0;
}

function summary(f: RouteFigures): string {
  const { t, num } = text;
  const pct = f.length_m > 0 ? (100 * f.straight_m) / f.length_m : 0;
  const lines = [t('cli.route.distance', { km: num(f.length_m / 1000, 2), straight: num(f.straight_m / 1000, 2), pct: num(pct, 1) })];
  f.legs.forEach((l, i) => {
    const how =
      l.fallback === 'no-path'
        ? t('cli.route.noPath')
        : l.fallback === 'off-network'
          ? t('cli.route.offNetwork')
          : l.detour === null
            ? t('cli.route.straight')
            : t(l.flagged ? 'cli.route.detourFlagged' : 'cli.route.detour', { ratio: num(l.detour, 1), limit: DETOUR_RATIO });
    lines.push(t('cli.route.leg', { from: i + 1, to: i + 2, km: num(l.length_m / 1000, 2), crow: num(l.crow_m / 1000, 2), how }));
  });
  const ways = Object.entries(f.ways).sort((a, b) => b[1] - a[1]);
  if (ways.length) lines.push(t('cli.route.ways', { list: ways.map(([kind, m]) => t('cli.route.way', { kind, km: num(m / 1000, 2) })).join(', ') }));
  return `${lines.join('\n')}\n`;
}
