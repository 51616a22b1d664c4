// Stand-ins for the Trame verte et bleue until the official SRCE layers are imported:
// terrils and neo-natural areas as reservoirs, cavaliers as corridors. Pure functions.

import type { OutFeature } from './geo.ts';
import type { CavalierLineProps, NeonaturelProps, TerrilProps } from './normalise.ts';

export interface ReservoirProps {
  [key: string]: string;
  id: string;
  name: string;
  kind: 'terril' | 'espace néonaturel';
  source_layer: string;
}

export function tvbReservoirs(terrils: readonly OutFeature<TerrilProps>[], neonaturels: readonly OutFeature<NeonaturelProps>[]): OutFeature<ReservoirProps>[] {
  return [
    ...terrils.map(
      (t): OutFeature<ReservoirProps> => ({
        type: 'Feature',
        geometry: t.geometry,
        properties: { id: t.properties.id, name: t.properties.name, kind: 'terril', source_layer: t.properties.source_layer },
      }),
    ),
    ...neonaturels.map(
      (n): OutFeature<ReservoirProps> => ({
        type: 'Feature',
        geometry: n.geometry,
        properties: { id: n.properties.id, name: n.properties.name, kind: 'espace néonaturel', source_layer: n.properties.source_layer },
      }),
    ),
  ];
}

export interface CorridorProps {
  [key: string]: string;
  id: string;
  name: string;
  kind: 'cavalier';
}

export function tvbCorridors(cavaliers: readonly OutFeature<CavalierLineProps>[]): OutFeature<CorridorProps>[] {
  return cavaliers.map((c) => ({
    type: 'Feature',
    geometry: c.geometry,
    properties: { id: c.properties.id, name: c.properties.name, kind: 'cavalier' },
  }));
}
