// The communes of the whole of Nord (59) and Pas-de-Calais (62), for the Natura 2000 dossier: a
// route leaves the basin's 330 communes (communes.geojson) as soon as it goes into the Avesnois,
// the Boulonnais or the Flanders, and the form asks every commune crossed.
//
// Built from the france-geojson folder of the raw data (gregoiredavid/france-geojson: IGN Admin
// Express COG 2018, Licence Ouverte), one partition from one source so that no metre of a route
// falls in a gap or in two communes at a seam between two sources. Kept small: only the name and
// the INSEE code, coordinates as given (5 decimals, about a metre), repeated points dropped.
// Pure: collections in, features out; data/layers.ts reads the files and writes the output.

import type { Geometry, Position } from 'geojson';
import type { AnyFeature, OutFeature } from './geo.ts';

/** the raw files, relative to the raw folder; the layer is built when both are there */
export const REGION_COMMUNE_FILES = ['france-geojson/communes-59-nord.geojson', 'france-geojson/communes-62-pas-de-calais.geojson'] as const;

export type RegionCommuneProps = {
  name: string;
  insee: string;
};

function dedupe(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
}

function cleanGeometry(g: Geometry): Geometry | null {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(dedupe).filter((r) => r.length >= 4) };
  if (g.type === 'MultiPolygon')
    return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(dedupe).filter((r) => r.length >= 4)).filter((poly) => poly.length > 0) };
  return null;
}

/** The communes of the two files, by INSEE code (a code given twice is kept once). */
export function regionCommunes(files: readonly (readonly AnyFeature[])[]): OutFeature<RegionCommuneProps>[] {
  const seen = new Set<string>();
  const out: OutFeature<RegionCommuneProps>[] = [];
  for (const features of files)
    for (const f of features) {
      const p = f.properties ?? {};
      const insee = typeof p.code === 'string' ? p.code.trim() : '';
      const name = typeof p.nom === 'string' ? p.nom.trim() : '';
      const geometry = f.geometry ? cleanGeometry(f.geometry) : null;
      if (!insee || !name || !geometry || seen.has(insee)) continue;
      seen.add(insee);
      out.push({ type: 'Feature', geometry, properties: { name, insee } });
    }
  return out.sort((a, b) => a.properties.insee.localeCompare(b.properties.insee));
}
