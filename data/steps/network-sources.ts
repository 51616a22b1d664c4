// The line sources of the embedded routing network, what each keeps, and how they are merged:
// the cavaliers miniers (official), the regional véloroutes et voies vertes (built stretches only),
// the OpenStreetMap hiking and cycling route relations (existing ones only) and, with
// `npm run data:build -- --osm`, the OpenStreetMap paths themselves (data/overpass.ts). Pure:
// collections in, lines and figures out (data/network.ts reads the files and writes the outputs).

import type { FeatureCollection, Geometry } from 'geojson';
import type { NetworkLine } from '../../src/core/graph/build.ts';
import { conflateLines, LineCoverage, type ConflateReport } from '../../src/core/graph/conflate.ts';
import { EdgeKind, edgeKindName, type EdgeKindName } from '../../src/core/graph/graph.ts';
import { positionsLength } from '../../src/core/geo/geodesic.ts';
import { networkLinesFromLayer } from '../../src/core/import/network.ts';
import { CREDIT, LICENCE } from './manifest.ts';

type NetworkSourceId = 'cavaliers' | 'veloroutes' | 'osm-routes' | 'osm-paths';

export interface NetworkSourceInfo {
  id: NetworkSourceId;
  /** file under the raw folder (none: downloaded, see data/overpass.ts) */
  file?: string;
  title: { fr: string; en: string };
  credit: string;
  licence: string;
  /** the edge kinds this source gives (the kind tells the source back: one source per kind) */
  kinds: EdgeKindName[];
  /**
   * a line of this source closer than this to a line of an earlier source runs on it (m): the
   * véloroutes are drawn on the same ground survey as the cavaliers, the OSM routes are simplified
   * by Douglas-Peucker at 25 m upstream
   */
  within_m: number;
}

export const NETWORK_SOURCES: readonly NetworkSourceInfo[] = [
  {
    id: 'cavaliers',
    file: 'unesco-bassin-minier/zt-cavaliers.geojson',
    title: { fr: 'Cavaliers miniers', en: 'Cavaliers (former mining railways)' },
    credit: CREDIT,
    licence: LICENCE,
    kinds: ['cavalier'],
    within_m: 0,
  },
  {
    id: 'veloroutes',
    file: 'veloroutes-adav/veloroutes.geojson',
    title: { fr: 'Véloroutes et voies vertes (tronçons réalisés)', en: 'Véloroutes and greenways (built stretches)' },
    credit: 'Région Hauts-de-France, ADAV – Droit au vélo',
    licence: 'ODbL 1.0',
    kinds: ['veloroute'],
    within_m: 20,
  },
  {
    id: 'osm-routes',
    file: 'osm-routes/osm-routes-basin.geojson',
    title: { fr: 'Itinéraires de randonnée et cyclables OpenStreetMap', en: 'OpenStreetMap hiking and cycling routes' },
    credit: '© les contributeurs d’OpenStreetMap',
    licence: 'ODbL 1.0',
    kinds: ['hiking', 'cycleroute'],
    within_m: 30,
  },
  {
    // last: the cavaliers, véloroutes and routes keep their kind where OSM maps the same ground
    id: 'osm-paths',
    title: { fr: 'Chemins, pistes et petites routes OpenStreetMap', en: 'OpenStreetMap paths, tracks and small roads' },
    credit: '© les contributeurs d’OpenStreetMap',
    licence: 'ODbL 1.0',
    kinds: ['path', 'track', 'cycleway', 'road'],
    // OSM traces a cavalier or a véloroute a few metres off the official survey; a footway along
    // its street is the same way for a course
    within_m: 12,
  },
];

export const sourceOfKind = (kind: number): NetworkSourceInfo | undefined => NETWORK_SOURCES.find((s) => s.kinds.includes(edgeKindName(kind)));

/**
 * AVANCE_TRA, the progress of works, as the file spells it. « travaux termin… » (4 spellings) is
 * built. No value at all is the ride reports (velo-ravel) and the ADAV's advised itineraries on
 * existing roads, which have no works to follow (Type_voie 1–4), except the 2 km of Type_voie 0,
 * the class of the long-term regional scheme whose 748 km are « Non démarré »: left out with it.
 * Planned (« Non démarré », « Travaux programmés », « Etudes préalables en cours ») and
 * « Inconnu » are left out: no route may use a way that may not exist.
 */
export function veloroutesBuilt(p: Record<string, unknown> | null): boolean {
  const works = typeof p?.AVANCE_TRA === 'string' ? p.AVANCE_TRA.trim() : null;
  if (works === null || works === '') return String(p?.Type_voie ?? '') !== '0';
  return /^travaux termin/i.test(works);
}

/** OSM route relations tagged as proposed come out of the upstream file with « en projet » in their name. */
export const osmRouteExists = (p: Record<string, unknown> | null): boolean => !/en projet/i.test(String(p?.name ?? ''));

type Box = [number, number, number, number];

/** The parts of a line inside the box: the véloroutes cover the whole former region, the network the basin. */
function clipToBox(coords: [number, number][], box: Box): [number, number][][] {
  const inside = (c: [number, number]) => c[0] >= box[0] && c[0] <= box[2] && c[1] >= box[1] && c[1] <= box[3];
  const parts: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (const c of coords) {
    if (inside(c)) cur.push(c);
    else {
      if (cur.length >= 2) parts.push(cur);
      cur = [];
    }
  }
  if (cur.length >= 2) parts.push(cur);
  return parts;
}

// the cavaliers are written at 6 decimals by the pipeline; the others are brought to the same
// grid, so that network-lines.geojson is exactly what was built and the page rebuilds the same graph
const round6 = (c: number[]): [number, number] => [Math.round(c[0] * 1e6) / 1e6, Math.round(c[1] * 1e6) / 1e6];

function parts(g: Geometry | null): number[][][] {
  if (!g) return [];
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

export interface SourceFigures {
  id: NetworkSourceId;
  /** lines read, and the length of those routable inside the box (m) */
  features: number;
  input_m: number;
  /** left out as not built / not existing (m, inside the box) */
  notBuilt_m: number;
  /** kept in the network, away from the lines of earlier sources (m) */
  kept_m: number;
  /** left out because an earlier source's line runs there already (m) */
  shared_m: number;
}

type AnyLines = FeatureCollection<Geometry | null>;

export interface SourceCollections {
  cavaliers: AnyLines;
  veloroutes?: AnyLines | null;
  osmRoutes?: AnyLines | null;
  /** the ways Overpass gave (osm-json.ts features: highway, name, surface) */
  osmPaths?: AnyLines | null;
}

/**
 * The embedded network's lines, source after source: every cavalier, then the véloroutes away
 * from the cavaliers, then the OSM routes away from both, then the OSM paths away from all three.
 * Each line carries its kind, from which its source follows (sourceOfKind).
 */
export function embeddedNetworkLines(src: SourceCollections, box: Box): { lines: NetworkLine[]; figures: SourceFigures[] } {
  const coverage = new LineCoverage((box[1] + box[3]) / 2);
  const lines: NetworkLine[] = [];
  const figures: SourceFigures[] = [];

  const cav: NetworkLine[] = [];
  for (const f of src.cavaliers.features) {
    const name = typeof f.properties?.name === 'string' ? f.properties.name : undefined;
    for (const p of parts(f.geometry)) cav.push(named(p.map(round6), EdgeKind.cavalier, name));
  }
  for (const l of cav) coverage.add(l.coords);
  lines.push(...cav);
  const cavM = cav.reduce((m, l) => m + positionsLength(l.coords), 0);
  figures.push({ id: 'cavaliers', features: src.cavaliers.features.length, input_m: cavM, notBuilt_m: 0, kept_m: cavM, shared_m: 0 });

  const add = (
    id: NetworkSourceId,
    fc: AnyLines | null | undefined,
    keep: (p: Record<string, unknown> | null) => boolean,
    kindOf: (p: Record<string, unknown> | null) => number,
    nameOf: (p: Record<string, unknown> | null) => string | undefined,
  ) => {
    if (!fc) return;
    const info = NETWORK_SOURCES.find((s) => s.id === id)!;
    const candidates: NetworkLine[] = [];
    let notBuilt = 0;
    for (const f of fc.features) {
      const p = f.properties as Record<string, unknown> | null;
      for (const part of parts(f.geometry))
        for (const c of clipToBox(part.map(round6), box)) {
          if (keep(p)) candidates.push(named(c, kindOf(p), nameOf(p)));
          else notBuilt += positionsLength(c);
        }
    }
    const { lines: kept, report } = conflateLines(coverage, candidates, { within_m: info.within_m });
    lines.push(...kept);
    figures.push({ id, features: fc.features.length, ...figures_(report), notBuilt_m: notBuilt });
  };
  const str = (v: unknown) => (typeof v === 'string' && v.trim() && v.trim() !== 'NC' ? v.trim() : undefined);
  add(
    'veloroutes',
    src.veloroutes,
    veloroutesBuilt,
    () => EdgeKind.veloroute,
    (p) => str(p?.nom_tit_af) ?? str(p?.ITINERAIRE),
  );
  add(
    'osm-routes',
    src.osmRoutes,
    osmRouteExists,
    (p) => (p?.mode === 'walk' ? EdgeKind.hiking : EdgeKind.cycleroute),
    (p) => str(p?.name),
  );
  if (src.osmPaths) {
    // the way type from highway=*, as for an OSM layer the user imports
    const candidates: NetworkLine[] = [];
    for (const l of networkLinesFromLayer(src.osmPaths as FeatureCollection))
      for (const c of clipToBox(l.coords.map(round6), box)) candidates.push({ ...named(c, l.kind, l.name), exact: true });
    const info = NETWORK_SOURCES.find((s) => s.id === 'osm-paths')!;
    const { lines: kept, report } = conflateLines(coverage, candidates, { within_m: info.within_m });
    // not push(...kept): the basin's paths are more lines than a call takes arguments
    for (const l of kept) lines.push(l);
    figures.push({ id: 'osm-paths', features: src.osmPaths.features.length, ...figures_(report), notBuilt_m: 0 });
  }
  return { lines, figures };
}

const figures_ = (r: ConflateReport) => ({ input_m: r.input_m, kept_m: r.kept_m, shared_m: r.shared_m });

function named(coords: [number, number][], kind: number, name: string | undefined): NetworkLine {
  return name === undefined ? { coords, kind } : { coords, kind, name };
}

/** The lines as GeoJSON, with `kind` and `source`: what data/network.ts built, for the page to rebuild the same graph. */
export function linesCollection(lines: readonly NetworkLine[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: lines.map((l) => ({
      type: 'Feature',
      // exact: the line meets the others only at shared vertices (OSM ways; build.ts)
      properties: { name: l.name ?? null, kind: edgeKindName(l.kind), source: sourceOfKind(l.kind)?.id ?? null, ...(l.exact ? { exact: true } : {}) },
      geometry: { type: 'LineString', coordinates: l.coords },
    })),
  };
}

const km = (m: number) => (m / 1000).toFixed(0);

/** source, licence and note of the network layer: every source used, credited, ODbL where it applies */
export function networkCredits(
  tolerance_m: number,
  report: { components: number },
  figures: readonly SourceFigures[],
): { source: string; licence: string; note: { fr: string; en: string } } {
  const used = NETWORK_SOURCES.filter((s) => figures.some((f) => f.id === s.id && f.kept_m > 0));
  const kept = (id: NetworkSourceId) => km(figures.find((f) => f.id === id)?.kept_m ?? 0);
  const fr = used.map((s) => `${s.title.fr} (${kept(s.id)} km)`).join(', ');
  const en = used.map((s) => `${s.title.en} (${kept(s.id)} km)`).join(', ');
  const licences = [...new Set(used.map((s) => s.licence))];
  return {
    source: `${used.map((s) => `${s.title.fr} : ${s.credit} — ${s.licence}`).join(' ; ')} ; raccords calculés par Cavalier`,
    licence: licences.join(' ; '),
    note: {
      fr:
        `Un seul réseau : ${fr}. Une ligne qui double une source précédente n’est pas reprise ; les tronçons en projet ne sont pas routables. ` +
        `Les lignes sont reliées là où une extrémité est à moins de ${tolerance_m} m d’une autre (raccords en pointillés : coupures réelles possibles, route, bâti). ` +
        `Continuité et praticabilité non vérifiées sur le terrain. ${report.components} morceaux non reliés.`,
      en:
        `One network: ${en}. A line that runs on an earlier source is not taken twice; planned stretches are not routable. ` +
        `Lines are joined where an end lies within ${tolerance_m} m of another (dashed joins: real gaps are possible, a road, buildings). ` +
        `Continuity and walkability not checked on the ground. ${report.components} unconnected pieces.`,
    },
  };
}
