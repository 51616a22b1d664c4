import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { addCoursePoint, COURSE_POINT_SYMBOLS, createEvent, eventGpxFiles, eventGpxZip, formulaGpx, newFormula, zipFiles } from '../../../src/core/event';
import type { CoursePointKind, Event, Formula } from '../../../src/core/event/model';
import { readTrackFile } from '../../../src/core/gpx/read';
import { parseXmlWithXmldom } from '../../../src/core/gpx/xml';
import type { Position } from '../../../src/core/types';
import { karney, karneyLength } from '../../helpers/karney';
import { counter, northLine } from './helpers';

const xsd = readFileSync(new URL('../../fixtures/gpx-1.1.xsd', import.meta.url), 'utf8');
const validate = (xml: string) => validateXML({ xml: [{ fileName: 'f.gpx', contents: xml }], schema: [{ fileName: 'gpx-1.1.xsd', contents: xsd }] });

// 400 points north of Lens, ~4.4 km; elevation missing on a few interior points (a DEM gap)
const LINE: Position[] = northLine(2.83, 50.43, 399, 0.0001, (i) => 30 + 0.05 * i).map((p, i) => (i >= 100 && i < 103 ? [p[0], p[1]] : p));

const KINDS: CoursePointKind[] = ['start', 'aid', 'water', 'checkpoint', 'marshal', 'danger', 'info', 'finish'];

function setup(name = 'Trail des Pyramides Noires', formulaName = 'Semi 21 km'): { event: Event; formula: Formula } {
  const ids = counter();
  let formula = newFormula({ name: formulaName, targetDistance_m: 21000, start: '2025-06-14T09:00' }, ids);
  // one point of each kind, 400 m apart, 5 m east of the line
  KINDS.forEach((kind, i) => {
    formula = addCoursePoint(formula, { kind, name: kind === 'marshal' ? '' : `P ${kind}`, lonlat: [2.83007, 50.43 + i * 0.0036] }, LINE, ids);
  });
  const event = { ...createEvent({ name, discipline: 'trail', dates: ['2025-06-14'] }, ids), formulas: [formula] };
  return { event, formula };
}

const dom = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const texts = (doc: ReturnType<typeof dom>, parent: string, child: string) =>
  Array.from(doc.getElementsByTagName(parent)).map((el) => el.getElementsByTagName(child)[0]?.textContent ?? null);

describe('GPX per formula', () => {
  it('validates against the GPX 1.1 schema: wpt before one trk, no rte', async () => {
    const { event, formula } = setup();
    const { text, fileName, points, simplification } = formulaGpx(event, formula, LINE);
    const r = await validate(text);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(fileName).toBe('Trail-des-Pyramides-Noires_Semi-21-km.gpx');
    expect(points).toBe(400);
    expect(simplification).toBeNull();
    expect(text.match(/<trk>/g)).toHaveLength(1);
    expect(text).not.toContain('<rte');
    expect(text.lastIndexOf('<wpt')).toBeLessThan(text.indexOf('<trk>'));
    expect(text.indexOf('</metadata>')).toBeLessThan(text.indexOf('<wpt'));
  });

  it('writes metadata with event, formula, date and the start in French time', () => {
    const { event, formula } = setup();
    const doc = dom(formulaGpx(event, formula, LINE).text);
    const meta = doc.getElementsByTagName('metadata')[0];
    expect(meta.getElementsByTagName('name')[0].textContent).toBe('Trail des Pyramides Noires — Semi 21 km');
    const desc = meta.getElementsByTagName('desc')[0].textContent!;
    expect(desc).toContain('Trail des Pyramides Noires');
    expect(desc).toContain('Semi 21 km');
    expect(desc).toContain('2025-06-14');
    expect(desc).toContain(`${(karneyLength(LINE) / 1000).toFixed(1)} km`);
    expect(meta.getElementsByTagName('time')[0].textContent).toBe('2025-06-14T09:00:00+02:00');
    // without a start time, the event's first day
    const noStart = dom(formulaGpx(event, { ...formula, start: null }, LINE).text);
    expect(noStart.getElementsByTagName('time')[0].textContent).toBe('2025-06-14T00:00:00+02:00');
  });

  it('puts ele on every trkpt, filling a gap inside the line', () => {
    const { event, formula } = setup();
    const doc = dom(formulaGpx(event, formula, LINE).text);
    const eles = texts(doc, 'trkpt', 'ele');
    expect(eles).toHaveLength(400);
    expect(eles.every((e) => e !== null)).toBe(true);
    // the gap at 100–102 is interpolated between 34.95 (99) and 35.15 (103), to 0.1 m
    expect(eles.slice(99, 104).map(Number)).toEqual([35, 35, 35.1, 35.1, 35.2]);
  });

  it('writes each point on the course as a wpt with name, km, Garmin sym and type', () => {
    const { event, formula } = setup();
    const doc = dom(formulaGpx(event, formula, LINE).text);
    const wpts = Array.from(doc.getElementsByTagName('wpt'));
    expect(wpts).toHaveLength(KINDS.length);
    const get = (el: (typeof wpts)[0], tag: string) => el.getElementsByTagName(tag)[0]?.textContent;
    expect(wpts.map((w) => get(w, 'sym'))).toEqual(KINDS.map((k) => COURSE_POINT_SYMBOLS[k].sym));
    expect(wpts.map((w) => get(w, 'type'))).toEqual(KINDS.map((k) => COURSE_POINT_SYMBOLS[k].type));
    expect(wpts.map((w) => get(w, 'sym'))).toEqual([
      'Flag, Green',
      'Food Source',
      'Water Source',
      'Flag, Blue',
      'Pin, Blue',
      'Danger Area',
      'Information',
      'Flag, Red',
    ]);
    expect(wpts.map((w) => get(w, 'type'))).toEqual(['GENERIC', 'AID_STATION', 'WATER', 'CHECKPOINT', 'GENERIC', 'DANGER', 'INFO', 'GENERIC']);
    // on the line, with the km (GeographicLib) in desc; an unnamed point is named by its km
    const water = wpts[2];
    expect(Number(water.getAttribute('lon'))).toBe(2.83);
    const km = karney(2.83, 50.43, 2.83, Number(water.getAttribute('lat'))) / 1000;
    expect(get(water, 'desc')).toBe(`km ${km.toFixed(1)}`);
    expect(get(water, 'name')).toBe('P water');
    expect(get(wpts[4], 'name')).toBe(get(wpts[4], 'desc'));
    expect(get(water, 'ele')).not.toBeUndefined();
  });

  it('carries each cut-off in cmt and, after the km, in desc; stays valid', async () => {
    const { event, formula } = setup();
    // pace 15 min/km from 09:00; the checkpoint has its own cut-off, 2 h 05 after the start
    const f: Formula = {
      ...formula,
      cutoffPace_min_per_km: 15,
      coursePoints: formula.coursePoints.map((p) => (p.kind === 'checkpoint' ? { ...p, cutoff: { minutesFromStart: 125 } } : p)),
    };
    const out = formulaGpx(event, f, LINE, { cutoffLabel: 'Barrière horaire' });
    expect((await validate(out.text)).errors).toEqual([]);
    const wpts = Array.from(dom(out.text).getElementsByTagName('wpt'));
    const get = (el: (typeof wpts)[0], tag: string) => el.getElementsByTagName(tag)[0]?.textContent ?? null;
    const kmOf = (el: (typeof wpts)[0]) => karney(2.83, 50.43, 2.83, Number(el.getAttribute('lat'))) / 1000;
    const clock = (min: number) => `${String(9 + Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
    const byKind = (k: CoursePointKind) => wpts[KINDS.indexOf(k)];
    // aid station: km (GeographicLib) × 15 min, from 09:00
    const aid = byKind('aid');
    const aidCut = `Barrière horaire ${clock(Math.round(kmOf(aid) * 15))}`;
    expect(get(aid, 'cmt')).toBe(aidCut);
    expect(get(aid, 'desc')).toBe(`km ${kmOf(aid).toFixed(1)} · ${aidCut}`);
    // the explicit cut-off wins over the pace
    expect(get(byKind('checkpoint'), 'cmt')).toBe('Barrière horaire 11:05');
    // the finish: the whole length × pace
    const finishMin = Math.round((karneyLength(LINE) / 1000) * 15);
    expect(get(byKind('finish'), 'cmt')).toBe(`Barrière horaire ${clock(finishMin)}`);
    // kinds without a cut-off have no cmt and the km alone
    expect(get(byKind('water'), 'cmt')).toBeNull();
    expect(get(byKind('water'), 'desc')).toBe(`km ${kmOf(byKind('water')).toFixed(1)}`);
    // cmt comes between name and desc, as the XSD orders them
    expect(out.text).toMatch(/<\/name><cmt>[^<]+<\/cmt><desc>/);

    // two laps: each passage of the aid station, and the finish at the end of the second lap
    const lap_km = karneyLength(LINE) / 1000;
    const two = Array.from(dom(formulaGpx(event, { ...f, laps: 2 }, LINE, { cutoffLabel: 'Cut-off' }).text).getElementsByTagName('wpt'));
    const aidKm = kmOf(two[1]);
    expect(get(two[1], 'cmt')).toBe(`Cut-off ${clock(Math.round(aidKm * 15))} / ${clock(Math.round((aidKm + lap_km) * 15))}`);
    expect(get(two[KINDS.length - 1], 'cmt')).toBe(`Cut-off ${clock(Math.round(2 * lap_km * 15))}`);
    // no start time: a time from the start
    const noStart = Array.from(dom(formulaGpx(event, { ...f, start: null }, LINE).text).getElementsByTagName('wpt'));
    expect(get(noStart[KINDS.indexOf('checkpoint')], 'cmt')).toBe('T+2:05');
  });

  it('is read back by our reader and by gpxparser: same track, same waypoints', () => {
    const { event, formula } = setup();
    const { text } = formulaGpx(event, formula, LINE);
    const back = readTrackFile(text, 'x.gpx', { parseXml: parseXmlWithXmldom });
    expect(back.ok && back.value.segments[0].length).toBe(400);
    const require = createRequire(import.meta.url);
    interface Parser {
      parse(x: string): void;
      waypoints: { name: string; sym: string }[];
      tracks: { points: unknown[] }[];
    }
    const GpxParser = require('gpxparser') as new () => Parser;
    const p = new GpxParser();
    p.parse(text);
    expect(p.tracks).toHaveLength(1);
    expect(p.tracks[0].points).toHaveLength(400);
    expect(p.waypoints.map((w) => w.sym)).toEqual(KINDS.map((k) => COURSE_POINT_SYMBOLS[k].sym));
  });

  it('escapes names full of HTML and stays valid', async () => {
    const { event, formula } = setup('<img src=x onerror=alert(1)>', 'a/b & "c"');
    const out = formulaGpx(event, { ...formula, coursePoints: formula.coursePoints.map((p) => ({ ...p, name: '<b>Ravito</b>' })) }, LINE);
    expect(out.text).not.toContain('<img');
    expect(out.text).not.toContain('<b>');
    expect(out.text).toContain('&lt;img src=x onerror=alert(1)&gt; — a/b &amp; &quot;c&quot;');
    expect(out.fileName).toBe('img-src-x-onerror-alert-1_a-b-c.gpx');
    expect((await validate(out.text)).valid).toBe(true);
  });

  it('simplifies to a maximum number of points, reports the distance change, and stays valid', async () => {
    const { event, formula } = setup();
    const wiggly = LINE.map((p, i) => [p[0] + 2e-4 * Math.sin(i / 7), p[1], p[2]] as Position);
    const out = formulaGpx(event, formula, wiggly, { maxPoints: 100 });
    expect(out.points).toBeLessThanOrEqual(100);
    expect(out.text.match(/<trkpt /g)?.length).toBe(out.points);
    const s = out.simplification!;
    expect(s.pointsBefore).toBe(400);
    expect(s.pointsAfter).toBe(out.points);
    expect(s.lengthChange_m).toBeLessThan(0);
    expect(s.lengthChange_m).toBeCloseTo(s.lengthAfter_m - s.lengthBefore_m, 9);
    expect((await validate(out.text)).valid).toBe(true);
    // the waypoints keep their km on the full line
    expect(out.text).toContain(`<desc>km ${(karneyLength(LINE.slice(0, 1)) / 1000).toFixed(1)}</desc>`);
  });
});

describe('all formulas of an event', () => {
  it('gives distinct names, skips formulas without a route, and zips reproducibly', async () => {
    const { event, formula } = setup();
    const ids = counter('x');
    const twin = { ...formula, id: 'twin' };
    const empty = newFormula({ name: 'Vide' }, ids);
    const ev = { ...event, formulas: [formula, twin, empty] };
    const { files, skipped } = eventGpxFiles(ev, (id) => (id === empty.id ? [] : LINE));
    expect(skipped).toEqual([empty.id]);
    expect(files.map((f) => f.fileName)).toEqual(['Trail-des-Pyramides-Noires_Semi-21-km.gpx', 'Trail-des-Pyramides-Noires_Semi-21-km-2.gpx']);
    const zip = zipFiles(files);
    expect(zipFiles(files)).toEqual(zip);
    expect(eventGpxZip(ev, (id) => (id === empty.id ? [] : LINE)).zip).toEqual(zip);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(files.map((f) => f.fileName));
    for (const f of files) {
      expect(strFromU8(back[f.fileName])).toBe(f.text);
      expect((await validate(f.text)).valid).toBe(true);
    }
  });
});
