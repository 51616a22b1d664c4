// GPX at size (issue 6, item 4; issue 15). Reading a generated GPX with the scanner that
// readTrackFile uses, against the competent peer of issue 15, fast-xml-parser's object tree walked
// to Float64Arrays (gpx-peers.ts; the same points checked on both sides), at 1k, 10k, 100k and 1M
// points, cold (the first read of each at that size) and warm (single runs interleaved), with the
// log-log slope of time against size; and against @xmldom/xmldom + @tmcw/togeojson (the naive
// baseline, one extra row). Writing one, against the competent peer of issue 15: a plain template
// string with `+=`, giving the same bytes, at 100k and 1M points, cold (a fresh process's first
// export: the first call of each) and warm (single runs interleaved, ROUNDS rounds, the spread
// shown). All in the same process.
// `node --expose-gc --import tsx test/bench/gpx.ts` runs it alone (`--lecture [sizes…]`: the
// reading rows only); run.ts adds the rows.
import { benchTable, isMain, logLogSlope, type BenchRow } from './table';
import { gpx as togeojsonGpx } from '@tmcw/togeojson';
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { XMLParser } from 'fast-xml-parser';
import { readTrackFile } from '../../src/core/gpx/read';
import { formatTime } from '../../src/core/gpx/time';
import { writeGpx } from '../../src/core/gpx/write';
import { parseXmlWithXmldom } from '../../src/core/gpx/xml';
import type { Track } from '../../src/core/types';
import { plainGpx } from '../core/gpx-generate';
import { FXP_OPTIONS, fxpGpxPoints, samePoints } from './gpx-peers';

const deps = { parseXml: parseXmlWithXmldom };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (text: string) => (text.length / 1e6).toFixed(1).replace('.', ',');
const fmt = (n: number) => n.toLocaleString('fr-FR');

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

function ours(text: string): Track {
  const r = readTrackFile(text, 'bench.gpx', deps);
  if (!r.ok) throw new Error(`the generated GPX must read: ${r.error.code}`);
  return r.value;
}

function baseline(text: string): number {
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  const fc = togeojsonGpx(doc as unknown as Document) as unknown as { features: { geometry: { coordinates: unknown[] } | null }[] };
  return fc.features.reduce((n, f) => n + (f.geometry?.coordinates.length ?? 0), 0);
}

/**
 * The naive writer a worker would use without a DOM of its own: build the document with
 * @xmldom/xmldom, then serialise it (what togpx-like code does with the browser's DOM).
 */
function baselineWrite(track: Track): string {
  const NS = 'http://www.topografix.com/GPX/1/1';
  const doc = new DOMImplementation().createDocument(NS, 'gpx', null);
  const gpx = doc.documentElement!;
  gpx.setAttribute('version', '1.1');
  gpx.setAttribute('creator', 'Cavalier');
  const trk = doc.createElementNS(NS, 'trk');
  const name = doc.createElementNS(NS, 'name');
  name.appendChild(doc.createTextNode(track.name));
  trk.appendChild(name);
  for (const seg of track.segments) {
    const s = doc.createElementNS(NS, 'trkseg');
    for (const p of seg) {
      const pt = doc.createElementNS(NS, 'trkpt');
      pt.setAttribute('lat', p[1].toFixed(7));
      pt.setAttribute('lon', p[0].toFixed(7));
      if (p.length > 2 && p[2] !== undefined) {
        const ele = doc.createElementNS(NS, 'ele');
        ele.appendChild(doc.createTextNode(p[2].toFixed(1)));
        pt.appendChild(ele);
      }
      s.appendChild(pt);
    }
    trk.appendChild(s);
  }
  gpx.appendChild(trk);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

/**
 * The competent peer: what an engineer writes without thinking of bytes, toFixed and a template
 * string per point appended with `+=` (V8 makes that a rope, flattened once at the end), and the
 * same text as writeGpx for a plain track (one trk, elevations and times): checked in the bench.
 */
function templateWrite(track: Track): string {
  const name = track.name; // the generated track's name needs no escaping
  let s =
    '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Cavalier" xmlns="http://www.topografix.com/GPX/1/1" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">\n' +
    `<metadata><name>${name}</name></metadata>\n<trk>\n<name>${name}</name>`;
  track.segments.forEach((seg, k) => {
    const times = track.times?.[k];
    s += '\n<trkseg>';
    for (let i = 0; i < seg.length; i++) {
      const p = seg[i];
      const t = times ? formatTime(times[i]) : null;
      s += `\n<trkpt lat="${p[1].toFixed(7)}" lon="${p[0].toFixed(7)}">${p[2] !== undefined ? `<ele>${p[2].toFixed(1)}</ele>` : ''}${t ? `<time>${t}</time>` : ''}</trkpt>`;
    }
    s += '\n</trkseg>';
  });
  s += '\n</trk>\n</gpx>\n';
  // flattened, as the Blob or the file write that follows would
  s.charCodeAt(s.length >> 1);
  return s;
}

const ROUNDS = 5;

function writeRows(points: number): BenchRow[] {
  const track = ours(plainGpx(points));
  // cold: the first call of each, in a process that has not written yet
  const coldOurs = time(() => writeGpx(track).text);
  const coldPeer = time(() => templateWrite(track));
  if (coldOurs.value !== coldPeer.value) {
    const a = coldOurs.value.split('\n');
    const b = coldPeer.value.split('\n');
    const diff = a.findIndex((line, i) => line !== b[i]);
    throw new Error(`the peer's text differs from writeGpx's at line ${diff}: ${a[diff]} / ${b[diff]}`);
  }
  const [warmOurs, warmPeer] = alternate(
    ROUNDS,
    () => writeGpx(track).text,
    () => templateWrite(track),
  );
  const ratios = warmOurs.map((t, r) => warmPeer[r] / t).sort((a, b) => a - b);
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
  const what = `Écriture d’un GPX de ${fmt(points)} points (${mb(coldOurs.value)} Mo, altitudes et heures ; même texte des deux côtés)`;
  return [
    {
      what: `${what}, à froid (1er appel de chacun à cette taille)`,
      ours: `${coldOurs.ms.toFixed(0)} ms (writeGpx)`,
      baseline: `${coldPeer.ms.toFixed(0)} ms (gabarit de chaîne et +=, toFixed)`,
      ratio: `×${(coldPeer.ms / coldOurs.ms).toFixed(1)}`,
    },
    {
      what: `${what}, à chaud (${ROUNDS} manches en alternance)`,
      ours: `médiane ${median(warmOurs).toFixed(0)} ms (${range(warmOurs)})`,
      baseline: `médiane ${median(warmPeer).toFixed(0)} ms (${range(warmPeer)})`,
      ratio: `×${median(ratios).toFixed(1)} (×${ratios[0].toFixed(1)}–${ratios[ratios.length - 1].toFixed(1)} selon la manche)`,
    },
  ];
}

/**
 * `rounds` single runs of each, interleaved (the order swapped every round), with a full
 * collection before every run so that neither pays for the garbage the other left: the times of a, of b.
 */
function alternate(rounds: number, a: () => unknown, b: () => unknown): [number[], number[]] {
  const gc = (globalThis as { gc?: () => void }).gc;
  const timed = (fn: () => unknown) => {
    gc?.();
    return time(fn).ms;
  };
  const ta: number[] = [];
  const tb: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      ta.push(timed(a));
      tb.push(timed(b));
    } else {
      tb.push(timed(b));
      ta.push(timed(a));
    }
  }
  return [ta, tb];
}

const READ_SIZES = [1_000, 10_000, 100_000, 1_000_000];
const fxp = new XMLParser(FXP_OPTIONS);
const fxpRead = (text: string) => fxpGpxPoints((t) => fxp.parse(t), text);

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const spread = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
const times = (x: number) => `×${x < 10 ? x.toFixed(1) : x.toFixed(0)}`;

/**
 * Reading against fast-xml-parser at each size: the first read of each (cold), then single runs
 * interleaved, the order swapped every round, a full collection before each; the same points
 * asserted on both sides. Two rows per size, then the slopes of the warm medians.
 */
function readPeerRows(sizes: readonly number[]): BenchRow[] {
  const gc = (globalThis as { gc?: () => void }).gc;
  const rows: BenchRow[] = [];
  const warm: { ours: number; peer: number }[] = [];
  for (const points of sizes) {
    const text = plainGpx(points);
    gc?.();
    const coldOurs = time(() => ours(text));
    gc?.();
    const coldPeer = time(() => fxpRead(text));
    const diff = samePoints(coldOurs.value, coldPeer.value);
    if (diff) throw new Error(`fast-xml-parser and readTrackFile differ on ${points} points: ${diff}`);
    if (coldPeer.value.lon.length !== points) throw new Error(`${coldPeer.value.lon.length} points read, ${points} written`);
    // more rounds where a run is short: on a shared machine its spread is wider
    const rounds = points >= 1_000_000 ? 3 : points >= 100_000 ? 7 : points >= 10_000 ? 21 : 41;
    const [o, p] = alternate(
      rounds,
      () => ours(text),
      () => fxpRead(text),
    );
    const ratios = o.map((t, r) => p[r] / t).sort((a, b) => a - b);
    warm.push({ ours: median(o), peer: median(p) });
    const what = `Lecture d’un GPX de ${fmt(points)} points (${mb(text)} Mo, altitudes et heures ; mêmes points des deux côtés)`;
    rows.push(
      {
        what: `${what}, à froid (1re lecture de chacun à cette taille)`,
        ours: `${ms(coldOurs.ms)} ms (scanner, readTrackFile)`,
        baseline: `${ms(coldPeer.ms)} ms (fast-xml-parser, arbre parcouru)`,
        ratio: times(coldPeer.ms / coldOurs.ms),
      },
      {
        what: `${what}, à chaud (${rounds} manches en alternance)`,
        ours: `médiane ${ms(median(o))} ms (${spread(o)})`,
        baseline: `médiane ${ms(median(p))} ms (${spread(p)})`,
        ratio: `${times(median(ratios))} (${times(ratios[0])}–${times(ratios[ratios.length - 1]).slice(1)} selon la manche)`,
      },
    );
  }
  const sizesText = sizes.map(fmt).join(', ');
  // the slope over all sizes, then decade by decade (a fixed cost flattens the first ones)
  const slopes = (side: 'ours' | 'peer') => {
    const t = warm.map((w) => w[side]);
    const steps = sizes.slice(1).map((n, k) => logLogSlope([sizes[k], n], [t[k], t[k + 1]]).toFixed(2));
    return `pente ${logLogSlope(sizes, t).toFixed(2)} (de taille en taille : ${steps.join(' ; ')})`;
  };
  rows.push({
    what: `Croissance du coût de lecture GPX : pente log-log du temps à chaud (médianes) selon le nombre de points (${sizesText} ; 1 = linéaire)`,
    ours: slopes('ours'),
    baseline: `${slopes('peer')} (fast-xml-parser)`,
    ratio: '—',
  });
  return rows;
}

/** The first run (a file is read once, by code not yet optimised) and the median of the next ones. */
function runs<T>(fn: () => T, n: number): { first: number; median: number; value: T } {
  const first = time(fn);
  const rest: number[] = [];
  for (let k = 0; k < n; k++) rest.push(time(fn).ms);
  return { first: first.ms, median: rest.length ? median(rest) : first.ms, value: first.value };
}

function readRow(points: number, baselineRuns: number): BenchRow {
  const text = plainGpx(points);
  const o = runs(() => ours(text), 5);
  const count = o.value.segments.reduce((n, s) => n + s.length, 0);
  const b = runs(() => baseline(text), baselineRuns - 1);
  // the same points on both sides, or the comparison means nothing
  if (count !== points || b.value !== points) throw new Error(`points: ours ${count}, baseline ${b.value}, expected ${points}`);
  return {
    what: `Lecture d’un GPX de ${fmt(points)} points (${mb(text)} Mo), médiane / 1re lecture`,
    ours: `${o.median.toFixed(0)} / ${o.first.toFixed(0)} ms (scanner, readTrackFile)`,
    baseline: `${b.median.toFixed(0)} ms (@xmldom/xmldom + @tmcw/togeojson, référence naïve)`,
    ratio: `×${(b.median / o.median).toFixed(0)}`,
  };
}

export async function benchGpx(): Promise<BenchRow[]> {
  // the peer first: its 1k row's cold read is this process's first read
  const rows = [...readPeerRows(READ_SIZES), readRow(20_000, 3)];

  // a Garmin export: each point carries heart rate and cadence in <extensions>
  const garmin = plainGpx(100_000, true);
  const g = runs(() => ours(garmin), 3);
  rows.push({
    what: `Lecture d’un GPX Garmin de 100 000 points avec extensions (${mb(garmin)} Mo), médiane / 1re lecture`,
    ours: `${g.median.toFixed(0)} / ${g.first.toFixed(0)} ms`,
    baseline: '—',
    ratio: '—',
  });

  // writing, against the template-string peer first (cold means the first call in this process)
  rows.push(...writeRows(100_000), ...writeRows(1_000_000));
  // and against the naive DOM writer: both files read back to the same points
  const track = ours(plainGpx(100_000));
  const w = runs(() => writeGpx(track).text, 5);
  const bw = runs(() => baselineWrite(track), 1);
  const back = [w.value, bw.value].map((text) => ours(text).segments.reduce((n, seg) => n + seg.length, 0));
  if (back.some((n) => n !== 100_000)) throw new Error(`written points read back: ${back.join(', ')}`);
  rows.push({
    what: `Écriture d’un GPX de 100 000 points (${mb(w.value)} Mo), médiane / 1re écriture (cible ≤ 150 ms)`,
    ours: `${w.median.toFixed(0)} / ${w.first.toFixed(0)} ms (writeGpx)`,
    baseline: `${bw.median.toFixed(0)} ms (document @xmldom/xmldom + XMLSerializer)`,
    ratio: `×${(bw.median / w.median).toFixed(1)}`,
  });
  return rows;
}

if (isMain(import.meta.url)) {
  // `--lecture`: only the reading rows (against fast-xml-parser at the sizes given after it, or all)
  const at = process.argv.indexOf('--lecture');
  const sizes = process.argv
    .slice(at + 1)
    .map(Number)
    .filter((n) => n > 0);
  const rows = at < 0 ? await benchGpx() : [...readPeerRows(sizes.length ? sizes : READ_SIZES), readRow(20_000, 3)];
  console.log(benchTable(rows));
}
