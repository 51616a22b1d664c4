// "Relief approché": a DemGrid interpolated from the mine shafts' ground altitudes. Pure functions.

import type { Point } from 'geojson';
import type { DemGrid } from '../../src/core/types.ts';
import { idwGrid, idwLeaveOneOut, type IdwGridSpec, type IdwSample } from '../../src/core/elevation/idw.ts';
import type { OutFeature } from './geo.ts';
import type { PuitsProps } from './normalise.ts';

const RELIEF_SPEC: IdwGridSpec = {
  name: 'Relief approché (altitudes des puits de mine)',
  approximate: true,
  west: 2.2,
  south: 50.2,
  east: 3.75,
  north: 50.7,
  dx: 0.002,
  dy: 0.0013,
  power: 2,
  neighbours: 12,
  // the whole basin outline lies within 8.4 km of a shaft; farther away the model says nothing
  maxDistance_m: 8500,
  nodata: -9999,
};

/** twin shafts of one pit head lie within this distance: they are left out together in the cross-validation */
const SITE_RADIUS_M = 300;

/** Shafts with a usable ground altitude; 0 m values are missing values in practice and are rejected. */
export function shaftSamples(puits: readonly OutFeature<PuitsProps>[]): { samples: IdwSample[]; withCote: number; rejectedZero: number } {
  const samples: IdwSample[] = [];
  let withCote = 0;
  let rejectedZero = 0;
  for (const f of puits) {
    const z = f.properties.cote;
    if (typeof z !== 'number' || f.geometry.type !== 'Point') continue;
    withCote++;
    if (z === 0) {
      rejectedZero++;
      continue;
    }
    const [lon, lat] = (f.geometry as Point).coordinates;
    samples.push({ lon, lat, z });
  }
  return { samples, withCote, rejectedZero };
}

export interface ReliefHeader extends Omit<DemGrid, 'values'> {
  /** RMSE (m) of the leave-one-site-out cross-validation, rounded up to the metre */
  expectedError_m: number;
  method: string;
  /** number of altitude samples used */
  samples: number;
  /** file (next to relief.json) holding width * height little-endian Float32 values, row-major from the north-west cell */
  valuesFile: string;
  format: 'float32-le';
  crossValidation: {
    leaveOneOut_rmse_m: number;
    leaveOneSiteOut_rmse_m: number;
    leaveOneSiteOut_mae_m: number;
    siteRadius_m: number;
  };
  min: number;
  max: number;
  note: string;
}

export function buildRelief(samples: readonly IdwSample[], rejectedZero: number, spec: IdwGridSpec = RELIEF_SPEC): { grid: DemGrid; header: ReliefHeader } {
  const grid = idwGrid(samples, spec);
  const opts = { power: spec.power, neighbours: spec.neighbours };
  const loo = idwLeaveOneOut(samples, opts);
  const loso = idwLeaveOneOut(samples, { ...opts, exclusionRadius_m: SITE_RADIUS_M });
  let min = Infinity;
  let max = -Infinity;
  for (const v of grid.values) {
    if (v === grid.nodata) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const expectedError_m = Math.ceil(loso.rmse);
  const { values: _values, ...rest } = grid;
  const header: ReliefHeader = {
    ...rest,
    expectedError_m,
    method:
      `pondération inverse de la distance (puissance ${spec.power ?? 2}, ${spec.neighbours ?? 12} plus proches voisins) ` +
      `des altitudes au sol de ${samples.length} puits de mine ; pas de valeur à plus de ${((spec.maxDistance_m ?? Infinity) / 1000).toLocaleString('fr-FR')} km d'un puits`,
    samples: samples.length,
    valuesFile: 'relief.bin',
    format: 'float32-le',
    crossValidation: {
      leaveOneOut_rmse_m: round1(loo.rmse),
      leaveOneSiteOut_rmse_m: round1(loso.rmse),
      leaveOneSiteOut_mae_m: round1(loso.mae),
      siteRadius_m: SITE_RADIUS_M,
    },
    min: round1(min),
    max: round1(max),
    note: reliefNote(samples.length, rejectedZero, expectedError_m),
  };
  return { grid, header };
}

function reliefNote(samples: number, rejectedZero: number, expectedError_m: number): string {
  return (
    `Relief approché interpolé depuis ${samples} altitudes de puits de mine` +
    (rejectedZero ? ` (${rejectedZero} puits à « 0 m » écartés, valeur manquante)` : '') +
    ` ; erreur attendue ± ${expectedError_m} m (validation croisée) ; ne représente pas les terrils ni le détail des vallées. ` +
    `Ce n'est pas un modèle numérique de terrain : importer le RGE ALTI / BD ALTI de l'IGN pour un relief mesuré.`
  );
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** little-endian Float32 bytes of the grid values */
export function float32LE(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  return out;
}
