// Runs the real `cavalier import` (node src/cli/cavalier.mjs) on the import fixtures.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRawDir } from '../data/io';
import { plainGpx } from './core/gpx-generate';
import { PROJECT_ROOT, runCavalier } from './helpers/cli';
import { karney } from './helpers/karney';

const fixture = (name: string) => `test/fixtures/import/${name}`;

const cavalier = (...args: string[]) => runCavalier(args);

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

// cs2cs -f %.10f EPSG:2154 EPSG:4326 for the cavalier of the fixtures, as lon, lat
const CAVALIER = [
  [2.7610447577, 50.4392694821],
  [2.775080851, 50.44378421],
];

describe('cavalier import', { timeout: 30_000 }, () => {
  it('prints a Lambert-93 file as WGS84 GeoJSON within 1 cm of cs2cs, and nothing else on stdout', async () => {
    const r = await cavalier('import', fixture('cavaliers-l93-crs.geojson'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.stdout);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.crs).toBeUndefined();
    expect(fc.features).toHaveLength(2);
    fc.features[0].geometry.coordinates.forEach((p: number[], i: number) => {
      expect(karney(p[0], p[1], CAVALIER[i][0], CAVALIER[i][1])).toBeLessThan(0.01);
    });
    expect(fc.features[0].properties.id_troncon).toBe('076_01');
  });

  it('gives the same ground for the Lambert II étendu copy, and says the projection was inferred', async () => {
    const r = await cavalier('import', fixture('cavaliers-l2e.geojson'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Projection déduite des coordonnées\u00a0: EPSG:27572');
    const fc = JSON.parse(r.stdout);
    fc.features[0].geometry.coordinates.forEach((p: number[], i: number) => {
      expect(karney(p[0], p[1], CAVALIER[i][0], CAVALIER[i][1])).toBeLessThan(0.01);
    });
  });

  it('asks for --from, in French, when the projection is unknown', async () => {
    const r = await cavalier('import', fixture('cc50.geojson'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Projection du fichier inconnue');
    expect(r.stderr).toContain('urn:ogc:def:crs:EPSG::3950');
    expect(r.stderr).toContain('Relancez avec --from EPSG:2154 (Lambert-93)');
    noStack(r.stderr);
  });

  it('--from overrides detection and accepts the usual spellings', async () => {
    for (const from of ['EPSG:2154', '2154', 'urn:ogc:def:crs:EPSG::2154', 'Lambert-93']) {
      const r = await cavalier('import', fixture('cavaliers-l93-nocrs.geojson'), '--from', from);
      expect(r.code, from).toBe(0);
      expect(r.stderr, from).toBe('');
    }
    // read as Lambert II étendu they land off Norway: refused, with the reading that fits
    const wrong = await cavalier('import', fixture('cavaliers-l93-nocrs.geojson'), '--from', 'EPSG:27572');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Lues en EPSG:27572, les coordonnées tombent loin des Hauts-de-France');
    expect(wrong.stderr).toContain('Relancez avec --from EPSG:2154.');
  });

  it('reads Web Mercator, and proposes it in French when the file wrongly declares Lambert-93', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cavalier-cli-crs-'));
    const lille = readFileSync(join(resolveRawDir(), 'osm-lille-2017/highway_line.epsg3857.json'), 'utf8');
    const declared = join(dir, 'lille-declared-2154.json');
    writeFileSync(declared, lille.replace('"EPSG:3857"', '"EPSG:2154"'));
    const r = await cavalier('import', declared);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'cavalier : attention : Lues en EPSG:2154, les coordonnées tombent loin des Hauts-de-France (vers -1.66, 46.02 en degrés)\u00a0; lues en EPSG:3857, elles y tombent\u00a0: c’est sans doute la projection du fichier. Pour la lire ainsi, relancez avec --from EPSG:3857.\n',
    );
    const taken = await cavalier('import', declared, '--from', 'EPSG:3857');
    expect(taken.stderr).toBe('');
    const first = JSON.parse(taken.stdout).features[0].geometry.coordinates[0];
    // cs2cs -f %.10f EPSG:3857 EPSG:4326 of (341117.29, 6556400.2): central Lille
    expect(karney(first[0], first[1], 3.0643087528, 50.6316869846)).toBeLessThan(0.01);
    const asIs = await cavalier('import', join(resolveRawDir(), 'osm-lille-2017/highway_line.epsg3857.json'));
    expect(asIs.stderr).toBe('');
    expect(asIs.stdout).toBe(taken.stdout);
  });

  it('proposes --swap-axes for degrees written latitude first, and reads them with it', async () => {
    const r = await cavalier('import', fixture('cavaliers-latlon.geojson'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('longitude et latitude sont sans doute inversées dans le fichier.\nRelancez avec --swap-axes.');
    const swapped = await cavalier('import', fixture('cavaliers-latlon.geojson'), '--swap-axes');
    expect(swapped.code).toBe(0);
    const p = JSON.parse(swapped.stdout).features[0].geometry.coordinates[0];
    expect(karney(p[0], p[1], CAVALIER[0][0], CAVALIER[0][1])).toBeLessThan(0.05);
  });

  it('refuses an unsupported --from, and --from on other commands, as command-line errors', async () => {
    const r = await cavalier('import', fixture('berlin.geojson'), '--from', 'EPSG:3950');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('projection «\u00a0EPSG:3950\u00a0» non prise en charge');
    const other = await cavalier('stats', 'test/fixtures/gpx/two-segments.gpx', '--from', 'EPSG:2154');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('--from et --swap-axes ne servent qu’à la commande import');
    const extra = await cavalier('import', fixture('berlin.geojson'), '--json');
    expect(extra.code).toBe(2);
    const none = await cavalier('import');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('indiquez le fichier de la couche');
  });

  it('refuses a layer outside France, hinting at --from', async () => {
    const r = await cavalier('import', fixture('berlin.geojson'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Coordonnées hors de France (emprise 13.38, 52.52, 13.4, 52.52');
    expect(r.stderr).toContain('indiquez la bonne avec --from');
  });

  it('loads what it can and lists what it skipped on stderr', async () => {
    const r = await cavalier('import', fixture('invalid-geometries.geojson'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).features).toHaveLength(3);
    expect(r.stderr).toContain('9\u00a0objets écartés sur 12');
    expect(r.stderr).toContain('objet n°\u00a02 «\u00a0NaN en longitude\u00a0» écarté\u00a0: Coordonnée manquante, non numérique ou infinie.');
    expect(r.stderr).toContain('objet n°\u00a012 «\u00a0Berlin\u00a0» écarté\u00a0: Coordonnées hors de France.');
  });

  it('converts an Overpass answer and an .osm file', async () => {
    const json = await cavalier('import', fixture('overpass-loos.json'));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).features.map((f: { id: string }) => f.id)).toEqual(['way/101', 'way/102', 'way/103', 'way/105', 'way/106']);
    const xml = await cavalier('import', fixture('loos.osm'));
    expect(xml.code).toBe(0);
    expect(JSON.parse(xml.stdout).features[0].properties.name).toBe('Chemin des Galibots & des Mineurs');
  });

  it('keeps markup in names as data, and keeps control characters off the terminal', async () => {
    const r = await cavalier('import', fixture('html-names.geojson'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).features[0].properties.name).toBe('<img src=x onerror=alert(1)>');
    expect(r.stderr).toContain('«\u00a0<img src=x onerror=alert(1)>\u00a0» écarté');

    const dir = mkdtempSync(join(tmpdir(), 'cavalier-import-'));
    const file = join(dir, 'ansi.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: 'a\u001b[2Jb' }, geometry: null },
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [2.8, 50.4] } },
        ],
      }),
    );
    const ansi = await cavalier('import', file);
    expect(ansi.code).toBe(0);
    expect(ansi.stderr).not.toContain('\u001b');
    expect(ansi.stderr).toContain('a\\x1B[2Jb');
  });

  it('reports a missing file in French', async () => {
    const r = await cavalier('import', 'nulle-part.geojson');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fichier introuvable');
    noStack(r.stderr);
  });
});

describe('cavalier import of a big GPX', () => {
  // 2 million points, 128 MB, made here rather than committed. It used to go through an xmldom
  // DOM and run out of heap after two minutes (exit 134); it now goes through the track
  // scanner. The bound is enforced by the heap limit and the timeout, not by a measured time.
  it('reads 2 million points (128 MB) within a 1.5 GB heap', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cavalier-big-'));
    const file = join(dir, 'grande.gpx');
    const out = join(dir, 'grande.geojson');
    writeFileSync(file, plainGpx(2_000_000, false, false));
    expect(statSync(file).size).toBeGreaterThan(127 * 1000 * 1000);
    const fd = openSync(out, 'w');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--max-old-space-size=1500', 'src/cli/cavalier.mjs', 'import', file], {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', fd, 'inherit'],
        env: { ...process.env, CAVALIER_DEBUG: '' },
      });
      child.on('close', resolve);
    });
    closeSync(fd);
    expect(code).toBe(0);
    const text = readFileSync(out, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    expect(text.startsWith('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Grande boucle du Bassin minier"}')).toBe(true);
    expect(text.match(/\],\[/g)?.length).toBe(2_000_000 - 1);
  });
});
