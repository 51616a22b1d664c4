// The competent peers of GPX reading (issue 15): what an engineer who does not write a scanner
// uses instead. In node, fast-xml-parser (the most used pure-JS XML parser) turned into an object
// tree, walked gpx.trk[].trkseg[].trkpt[]; in the browser, the built-in DOMParser, walked
// trk > trkseg > trkpt by element children. Both give the points as Float64Arrays (lon, lat, ele,
// time in ms since 1970; NaN where a point has none), which the benches compare with what
// Cavalier's reader gives (samePoints). Only plain GPS exports are meant: no namespace prefixes,
// no routes.
import type { Track } from '../../src/core/types';

export interface PeerPoints {
  lon: Float64Array;
  lat: Float64Array;
  ele: Float64Array;
  time: Float64Array;
}

/** Arrays filled point by point, turned into Float64Arrays at the end. */
class Collector {
  lon: number[] = [];
  lat: number[] = [];
  ele: number[] = [];
  time: number[] = [];
  add(lon: number, lat: number, ele: number, time: number): void {
    this.lon.push(lon);
    this.lat.push(lat);
    this.ele.push(ele);
    this.time.push(time);
  }
  points(): PeerPoints {
    return { lon: Float64Array.from(this.lon), lat: Float64Array.from(this.lat), ele: Float64Array.from(this.ele), time: Float64Array.from(this.time) };
  }
}

/** xsd:dateTime as the browser and node read it; NaN when absent. */
const timeOf = (s: string | null | undefined): number => (s ? Date.parse(s) : NaN);
const numberOf = (s: string | null | undefined): number => (s === null || s === undefined || s === '' ? NaN : Number(s));

/** The shape fast-xml-parser gives with the options of fxpGpxPoints. */
interface FxpPoint {
  '@_lat': string;
  '@_lon': string;
  ele?: string[];
  time?: string[];
}
interface FxpDoc {
  gpx?: { trk?: { trkseg?: { trkpt?: FxpPoint[] }[] }[] };
}

/** The parser options of fxpGpxPoints (one parser, made once, as an app would keep it). */
export const FXP_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  // numbers read by Number() below: strnum's guesses would turn a time or a name into a number
  parseTagValue: false,
  // every element of the walk as an array, even when the file has one (a one-point segment…)
  isArray: (name: string) => name === 'trk' || name === 'trkseg' || name === 'trkpt' || name === 'ele' || name === 'time',
} as const;

/** fast-xml-parser's object tree of a GPX, walked to its track points. */
export function fxpGpxPoints(parse: (text: string) => unknown, text: string): PeerPoints {
  const doc = parse(text) as FxpDoc;
  const out = new Collector();
  for (const trk of doc.gpx?.trk ?? []) {
    for (const seg of trk.trkseg ?? []) {
      for (const p of seg.trkpt ?? []) out.add(numberOf(p['@_lon']), numberOf(p['@_lat']), numberOf(p.ele?.[0]), timeOf(p.time?.[0]));
    }
  }
  return out.points();
}

/** The points of a DOM (the browser's DOMParser), walked by element children as a page would. */
export function domGpxPoints(doc: Document): PeerPoints {
  const root = doc.documentElement;
  if (root?.localName !== 'gpx') throw new Error(`not a GPX: ${root?.localName}`);
  const out = new Collector();
  for (let trk = root.firstElementChild; trk; trk = trk.nextElementSibling) {
    if (trk.localName !== 'trk') continue;
    for (let seg = trk.firstElementChild; seg; seg = seg.nextElementSibling) {
      if (seg.localName !== 'trkseg') continue;
      for (let pt = seg.firstElementChild; pt; pt = pt.nextElementSibling) {
        if (pt.localName !== 'trkpt') continue;
        let ele = NaN;
        let time = NaN;
        for (let c = pt.firstElementChild; c; c = c.nextElementSibling) {
          if (c.localName === 'ele' && ele !== ele) ele = numberOf(c.textContent);
          else if (c.localName === 'time' && time !== time) time = timeOf(c.textContent);
        }
        out.add(numberOf(pt.getAttribute('lon')), numberOf(pt.getAttribute('lat')), ele, time);
      }
    }
  }
  return out.points();
}

const same = (a: number, b: number) => a === b || (a !== a && b !== b);

/**
 * Null when the track holds exactly the peer's points (count, then every lon, lat, elevation and
 * time, NaN matching a missing value), else what differs first.
 */
export function samePoints(track: Track, peer: PeerPoints): string | null {
  let i = 0;
  for (let s = 0; s < track.segments.length; s++) {
    const seg = track.segments[s];
    const times = track.times?.[s];
    for (let k = 0; k < seg.length; k++, i++) {
      if (i >= peer.lon.length) return `the peer has ${peer.lon.length} points, Cavalier more`;
      const p = seg[k];
      const ours = [p[0], p[1], p[2] ?? NaN, times ? times[k] : NaN];
      const theirs = [peer.lon[i], peer.lat[i], peer.ele[i], peer.time[i]];
      for (let j = 0; j < 4; j++) if (!same(ours[j], theirs[j])) return `point ${i}: Cavalier ${ours.join(', ')}, peer ${theirs.join(', ')}`;
    }
  }
  return i === peer.lon.length ? null : `Cavalier has ${i} points, the peer ${peer.lon.length}`;
}
