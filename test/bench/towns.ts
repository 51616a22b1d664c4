// Town-to-town routes across the basin on the embedded network (issue 12): the share of the
// length drawn straight (off the network) and each leg's network length over its crow-fly
// length. Targets: straight share under 15 %, detour under 1.6 on every leg that is routed.
// Each town's point is the point of the embedded network nearest its commune's centre (all within
// 300 m of a line, so a click there snaps). The baseline is the cavaliers alone, the network before.
//   npm run bench            (a section of the whole benchmark)
//   npm run bench:towns      (this one, leg by leg)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { buildGraph } from '../../src/core/graph/build';
import { planRoute, routeFigures, type RouteFigures } from '../../src/core/route/plan';
import { networkFromBuffer, prepareNetwork, type RoutingNetwork } from '../../src/core/route/network';
import { JOIN_TOLERANCE_M } from '../../data/network';
import { networkFileLines } from '../../src/core/import/network';
import { isMain, type BenchRow } from './table';

const root = join(import.meta.dirname, '../..');

/** the network point nearest each commune's centre (communes-mbm polygons), 5 decimals */
export const TOWNS: Record<string, [number, number]> = {
  Isbergues: [2.46262, 50.62478],
  Lillers: [2.4745, 50.56534],
  Auchel: [2.47074, 50.50902],
  'Bruay-la-Buissière': [2.55425, 50.49473],
  Béthune: [2.63215, 50.52374],
  'Nœux-les-Mines': [2.67204, 50.4712],
  Mazingarbe: [2.72574, 50.46655],
  'Bully-les-Mines': [2.71712, 50.44607],
  'Loos-en-Gohelle': [2.78922, 50.45357],
  Liévin: [2.77291, 50.42222],
  Lens: [2.82234, 50.43265],
  Harnes: [2.89979, 50.44911],
  Courrières: [2.9353, 50.45232],
  'Hénin-Beaumont': [2.95927, 50.41943],
  Carvin: [2.95108, 50.49288],
  Libercourt: [3.00277, 50.48263],
  Oignies: [3.00236, 50.4678],
  Douai: [3.09628, 50.38391],
  Somain: [3.27274, 50.35443],
  Denain: [3.38892, 50.33197],
  Valenciennes: [3.51753, 50.36273],
  Raismes: [3.47601, 50.40379],
  'Saint-Amand-les-Eaux': [3.43259, 50.44269],
  'Condé-sur-l’Escaut': [3.6093, 50.46014],
};

export const ROUTES: string[][] = [
  ['Béthune', 'Lens', 'Douai', 'Valenciennes'],
  ['Isbergues', 'Lillers', 'Auchel', 'Bruay-la-Buissière', 'Béthune'],
  ['Béthune', 'Nœux-les-Mines', 'Mazingarbe', 'Bully-les-Mines', 'Loos-en-Gohelle'],
  ['Loos-en-Gohelle', 'Liévin', 'Lens', 'Hénin-Beaumont'],
  ['Lens', 'Harnes', 'Courrières', 'Carvin', 'Libercourt', 'Oignies', 'Douai'],
  ['Douai', 'Somain', 'Denain', 'Valenciennes'],
  ['Valenciennes', 'Raismes', 'Saint-Amand-les-Eaux', 'Condé-sur-l’Escaut'],
];

export interface TownRoute {
  towns: string[];
  figures: RouteFigures;
}

export function townRoutes(net: RoutingNetwork): TownRoute[] {
  return ROUTES.map((towns) => ({
    towns,
    figures: routeFigures(
      planRoute(
        net,
        towns.map((t) => TOWNS[t]),
      ).legs,
    ),
  }));
}

export function loadEmbedded(): RoutingNetwork {
  const bin = join(root, 'public/data/network.bin');
  if (!existsSync(bin)) throw new Error('public/data/network.bin manque : lancez « npm run data:build » d’abord.');
  const buf = readFileSync(bin);
  const names = (JSON.parse(readFileSync(join(root, 'public/data/network.json'), 'utf8')) as { names: string[] }).names;
  return networkFromBuffer(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, names);
}

/** the network before issue 12: the cavaliers alone, same builder and tolerance */
function loadCavaliersOnly(): RoutingNetwork {
  const fc = JSON.parse(readFileSync(join(root, 'public/data/cavaliers.geojson'), 'utf8')) as FeatureCollection;
  const { graph, names } = buildGraph(networkFileLines(fc), { joinTolerance_m: JOIN_TOLERANCE_M });
  return prepareNetwork(graph, names);
}

export interface Totals {
  length_m: number;
  straight_m: number;
  routedLegs: number;
  legs: number;
  maxDetour: number;
  /** routed legs at or over 1.6 */
  over: number;
}

export function totals(routes: readonly TownRoute[]): Totals {
  const t: Totals = { length_m: 0, straight_m: 0, routedLegs: 0, legs: 0, maxDetour: 0, over: 0 };
  for (const r of routes) {
    t.length_m += r.figures.length_m;
    t.straight_m += r.figures.straight_m;
    for (const l of r.figures.legs) {
      t.legs++;
      if (l.detour === null) continue;
      t.routedLegs++;
      t.maxDetour = Math.max(t.maxDetour, l.detour);
      if (l.detour >= 1.6) t.over++;
    }
  }
  return t;
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1).replace('.', ',')} %`;
const x2 = (r: number | null) => (r === null ? 'droit' : `×${r.toFixed(2).replace('.', ',')}`);
const km = (m: number) => (m / 1000).toFixed(1).replace('.', ',');

function describe(r: TownRoute): string {
  const f = r.figures;
  return `${km(f.length_m)} km, hors réseau ${pct(f.straight_m, f.length_m)} ; tronçons ${f.legs.map((l) => x2(l.detour)).join(' ')}`;
}

export async function benchTowns(): Promise<BenchRow[]> {
  const net = loadEmbedded();
  const before = loadCavaliersOnly();
  const ours = townRoutes(net);
  const base = townRoutes(before);
  const rows: BenchRow[] = ours.map((r, i) => ({
    what: `${r.towns.join(' → ')} (${km(r.figures.legs.reduce((m, l) => m + l.crow_m, 0))} km à vol d’oiseau)`,
    ours: describe(r),
    baseline: `cavaliers seuls : ${describe(base[i])}`,
    ratio: `hors réseau ${pct(base[i].figures.straight_m, base[i].figures.length_m)} → ${pct(r.figures.straight_m, r.figures.length_m)}`,
  }));
  const t = totals(ours);
  const b = totals(base);
  const held = t.straight_m / t.length_m < 0.15 && t.over === 0;
  rows.push({
    what: `Ensemble des ${ROUTES.length} parcours de ville à ville (${t.legs} tronçons ; cibles : hors réseau < 15 %, détour < 1,6 sur chaque tronçon routé)`,
    ours: `hors réseau ${pct(t.straight_m, t.length_m)} ; ${t.routedLegs}/${t.legs} tronçons routés, détour max ${x2(t.maxDetour)}, ${t.over} à 1,6 ou plus`,
    baseline: `cavaliers seuls : hors réseau ${pct(b.straight_m, b.length_m)} ; ${b.routedLegs}/${b.legs} routés, détour max ${x2(b.maxDetour)}, ${b.over} à 1,6 ou plus`,
    ratio: held ? 'cibles tenues' : 'cibles non tenues',
  });
  // time per leg: reported, never asserted
  const legs = ours.reduce((n, r) => n + r.figures.legs.length, 0);
  const t0 = performance.now();
  for (let k = 0; k < 5; k++) townRoutes(net);
  const perLeg = (performance.now() - t0) / (5 * legs);
  rows.push({
    what: `Accroche + tronçon, par tronçon (${legs} tronçons de ville à ville, 5 passages)`,
    ours: `${perLeg.toFixed(2)} ms`,
    baseline: '—',
    ratio: '—',
  });
  return rows;
}

if (isMain(import.meta.url)) {
  const net = loadEmbedded();
  const routes = townRoutes(net);
  for (const r of routes) {
    console.log(`\n${r.towns.join(' → ')} : ${describe(r)}`);
    r.figures.legs.forEach((l, i) =>
      console.log(
        `  ${r.towns[i]} → ${r.towns[i + 1]} : ${km(l.length_m)} km par le réseau, ${km(l.crow_m)} km à vol d’oiseau, ${x2(l.detour)}${l.fallback ? ` (${l.fallback})` : ''}`,
      ),
    );
    console.log(
      `  voies : ${Object.entries(r.figures.ways)
        .map(([k, m]) => `${k} ${km(m)} km`)
        .join(', ')}`,
    );
  }
  const t = totals(routes);
  console.log(
    `\nEnsemble : hors réseau ${pct(t.straight_m, t.length_m)}, ${t.routedLegs}/${t.legs} tronçons routés, détour max ${x2(t.maxDetour)}, ${t.over} tronçon(s) à 1,6 ou plus.`,
  );
}
