// Reprojection against PROJ. Every reference value below was computed once on a Debian machine
// with proj-bin 9.1.1 and proj-data (which ships the IGN grid ntf_r93.gsb), e.g.
//   printf '683000 7038000\n' | cs2cs -f %.10f EPSG:2154 EPSG:4326
// cs2cs reads and writes latitude before longitude for EPSG:4326/4171; the values are swapped
// into lon, lat here. The tests do not need PROJ.
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { crsConverter, CRS_DEFS, EPSG_27572_HELMERT_DEF } from '../../../src/core/import/crs';
import { karney } from '../../helpers/karney';

/** Ground distance (m) between two lon/lat points, on the ellipsoid. */
const metres = (a: [number, number], b: [number, number]) => karney(a[0], a[1], b[0], b[1]);

// cs2cs -f %.10f EPSG:2154 EPSG:4326
const L93_TO_WGS84: [[number, number], [number, number]][] = [
  [
    [683000, 7038000],
    [2.7610447577, 50.4392694821],
  ],
  [
    [684000, 7038500],
    [2.775080851, 50.44378421],
  ],
  [
    [683495.5279, 7038258.9443],
    [2.7679992576, 50.4416072213],
  ],
  [
    [687903.45, 7036954.7],
    [2.8299999626, 50.4300000004],
  ],
  [
    [700000, 7030000],
    [3.0, 50.3676824862],
  ],
  [
    [650000, 7050000],
    [2.2957024787, 50.5452121546],
  ],
  [
    [740000, 7025000],
    [3.5609417835, 50.3215170345],
  ],
  [
    [892000, 6247000],
    [5.3649832518, 43.2962882122],
  ], // Marseille: far from the basin, same formulas
];

// cs2cs -f %.4f EPSG:4326 EPSG:2154
const WGS84_TO_L93: [[number, number], [number, number]][] = [
  [
    [2.83, 50.43],
    [687903.4527, 7036954.7],
  ],
  [
    [3.5234, 50.3578],
    [737296.1994, 7029022.8333],
  ],
  [
    [2.64, 50.53],
    [674434.6418, 7048140.4436],
  ],
  [
    [2.5, 50.6],
    [664542.0581, 7055993.7226],
  ],
  [
    [5.37, 43.3],
    [892394.7774, 6247424.6458],
  ],
];

// Lambert II étendu: cs2cs -f %.10f EPSG:27572 EPSG:4171 (RGF93 geographic: PROJ applies the
// ntf_r93 grid) and cs2cs -f %.10f EPSG:27572 EPSG:4326 (PROJ picks the 2 m Helmert)
const L2E: { xy: [number, number]; grid: [number, number]; helmert: [number, number] }[] = [
  { xy: [630217.839, 2605010.463], grid: [2.7610447535, 50.4392694835], helmert: [2.7610186829, 50.4392579876] },
  { xy: [631214.094, 2605519.12], grid: [2.7750808497, 50.4437842128], helmert: [2.7750548037, 50.443772743] },
  { xy: [635134.22, 2604007.28], grid: [2.8300264355, 50.4300114118], helmert: [2.8299999494, 50.4300000451] },
  { xy: [684617.08, 2596488.89], grid: [3.5234370649, 50.357809833], helmert: [3.5234000242, 50.3578000313] },
  { xy: [604516.634, 2610586.532], grid: [2.4000246, 50.4900115575], helmert: [2.4000000047, 50.4900000052] },
  { xy: [846000, 1814000], grid: [5.3630937745, 43.2857714864], helmert: [5.363084173, 43.2857713798] },
];

describe('Lambert-93 (EPSG:2154)', () => {
  const toWgs = crsConverter('EPSG:2154');
  const toL93 = crsConverter('EPSG:4326', 'EPSG:2154');

  it('agrees with cs2cs to better than 1 mm, inverse projection', () => {
    for (const [xy, ref] of L93_TO_WGS84) expect(metres(toWgs(...xy), ref)).toBeLessThan(0.001);
  });

  it('agrees with cs2cs to better than 1 mm, forward projection', () => {
    for (const [ll, ref] of WGS84_TO_L93) {
      const [x, y] = toL93(...ll);
      expect(Math.hypot(x - ref[0], y - ref[1])).toBeLessThan(0.001);
    }
  });

  it('round-trips within 1 cm (in fact within 0.1 mm)', () => {
    for (const [xy] of L93_TO_WGS84) {
      const [x, y] = toL93(...toWgs(...xy));
      expect(Math.hypot(x - xy[0], y - xy[1])).toBeLessThan(1e-4);
    }
  });

  it('puts Lens where the toolchain notes say', () => {
    const [x, y] = toL93(2.83, 50.43);
    expect(x).toBeCloseTo(687903.4527, 3);
    expect(y).toBeCloseTo(7036954.6999, 3);
  });
});

describe('Lambert II étendu (EPSG:27572)', () => {
  const toWgs = crsConverter('EPSG:27572');

  it('agrees with PROJ’s grid transformation (ntf_r93) to better than 1 mm', () => {
    for (const p of L2E) expect(metres(toWgs(...p.xy), p.grid)).toBeLessThan(0.001);
  });

  it('lands on the same ground as the Lambert-93 coordinates of the same points (< 1 mm)', () => {
    // the first two points are the cavalier of the Lambert-93 fixture, converted by cs2cs EPSG:2154 EPSG:27572
    expect(metres(toWgs(...L2E[0].xy), crsConverter('EPSG:2154')(683000, 7038000))).toBeLessThan(0.001);
    expect(metres(toWgs(...L2E[1].xy), crsConverter('EPSG:2154')(684000, 7038500))).toBeLessThan(0.001);
  });

  it('differs by 2.2 to 2.9 m from the Helmert that cs2cs EPSG:27572 EPSG:4326 uses (documented choice)', () => {
    for (const p of L2E.slice(0, 5)) {
      const d = metres(toWgs(...p.xy), p.helmert);
      expect(d).toBeGreaterThan(2.1);
      expect(d).toBeLessThan(2.9);
    }
  });

  it('the official towgs84 definition reproduces that Helmert within 1 mm', () => {
    const helmert = proj4(EPSG_27572_HELMERT_DEF, CRS_DEFS['EPSG:4326']);
    for (const p of L2E) expect(metres(helmert.forward(p.xy) as [number, number], p.helmert)).toBeLessThan(0.001);
  });

  it('round-trips through WGS84 within 1 cm', () => {
    const back = crsConverter('EPSG:4326', 'EPSG:27572');
    for (const p of L2E) {
      const [x, y] = back(...toWgs(...p.xy));
      expect(Math.hypot(x - p.xy[0], y - p.xy[1])).toBeLessThan(0.01);
    }
  });

  it('returns NaN off the grid, without printing anything', () => {
    const logs: unknown[] = [];
    const original = console.log;
    console.log = (...a: unknown[]) => void logs.push(a);
    try {
      expect(toWgs(-3_000_000, 2_600_000)).toEqual([NaN, NaN]);
      expect(crsConverter('EPSG:4326', 'EPSG:27572')(-40, 10)).toEqual([NaN, NaN]);
      expect(toWgs(NaN, 2_600_000)).toEqual([NaN, NaN]);
    } finally {
      console.log = original;
    }
    expect(logs).toEqual([]);
  });
});

// Web Mercator: five points of the real OSM extract of central Lille (../shared/data/raw/osm-lille-2017,
// its westernmost, easternmost, southernmost and northernmost vertices and its first one), through
// cs2cs -f %.10f EPSG:3857 EPSG:4326 (proj-bin 9.1.1)
const WEB_MERCATOR: [[number, number], [number, number]][] = [
  [
    [337127.09, 6557056.13],
    [3.0284641764, 50.6354243523],
  ],
  [
    [342853.72, 6556578.73],
    [3.0799073689, 50.6327042449],
  ],
  [
    [338952.46, 6555195.27],
    [3.0448617541, 50.6248207423],
  ],
  [
    [340084.97, 6560219.52],
    [3.0550352645, 50.6534445908],
  ],
  [
    [341117.29, 6556400.2],
    [3.0643087528, 50.6316869846],
  ],
];

/** The inverse spherical Mercator in closed form, on the WGS84 semi-major axis (EPSG guidance note 7-2, method 1024). */
function inverseWebMercator(x: number, y: number): [number, number] {
  const R = 6378137;
  return [((x / R) * 180) / Math.PI, ((2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * 180) / Math.PI];
}

describe('Web Mercator (EPSG:3857)', () => {
  const toWgs = crsConverter('EPSG:3857');
  const toMercator = crsConverter('EPSG:4326', 'EPSG:3857');

  it('agrees with cs2cs to better than 1 mm on real points of central Lille', () => {
    for (const [xy, ref] of WEB_MERCATOR) expect(metres(toWgs(...xy), ref)).toBeLessThan(0.001);
  });

  it('agrees with the closed-form inverse of the spherical Mercator to better than 1 mm', () => {
    for (const [xy] of WEB_MERCATOR) expect(metres(toWgs(...xy), inverseWebMercator(...xy))).toBeLessThan(0.001);
  });

  it('puts the extract in central Lille (about 50.63° N, 3.06° E)', () => {
    const [lon, lat] = toWgs(...WEB_MERCATOR[4][0]);
    expect(lat).toBeCloseTo(50.63, 2);
    expect(lon).toBeCloseTo(3.06, 2);
  });

  it('round-trips within 1 mm, and has no datum shift (Lambert-93 and it agree on the ground)', () => {
    for (const [xy] of WEB_MERCATOR) {
      const [x, y] = toMercator(...toWgs(...xy));
      expect(Math.hypot(x - xy[0], y - xy[1])).toBeLessThan(0.001);
      const viaL93 = crsConverter('EPSG:2154')(...crsConverter('EPSG:3857', 'EPSG:2154')(...xy));
      expect(metres(viaL93, toWgs(...xy))).toBeLessThan(0.001);
    }
  });
});

describe('WGS84 (EPSG:4326)', () => {
  it('is the identity', () => {
    expect(crsConverter('EPSG:4326')(2.83, 50.43)).toEqual([2.83, 50.43]);
  });
});
