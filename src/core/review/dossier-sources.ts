// What the dossier needs from the loaded layers beyond the review's figures: the source
// attributes of the zones it names (code, type, habitats and species where the layer has them),
// and the input of its maps (zones with their style and label, the communes' names, the places
// of the event, the box of each site crossed). Used by the review engine's dossier().

import { bboxOf, type Bbox } from '../geo/bbox';
import type { Position } from '../types';
import type { MapPlaceInput, MapZoneInput, MapZoneStyle, DossierMapInput } from './dossier-map';
import type { ZoneAttributes } from './dossier';
import type { RouteReview, ZoneInput } from './types';
import { pointInZone } from './locate';
import { zoneAt, type PreparedZones } from './zones';

interface DossierLayerData {
  id: string;
  origin: 'embedded' | 'imported';
  zones: readonly ZoneInput[];
  /** the GeoJSON the zones were read from */
  data: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : null;
};

/**
 * The properties of the features behind the given zone ids. A zone's id is the feature's `id`
 * property, else its GeoJSON id, else its position from 1 (the rule of ./validate.ts), with
 * '#surface' / '#ligne' added when a feature gives both an area and lines.
 */
function zoneAttributes(data: unknown, ids: ReadonlySet<string>): Map<string, ZoneAttributes> {
  const out = new Map<string, ZoneAttributes>();
  if (!isObject(data) || !Array.isArray(data.features) || ids.size === 0) return out;
  const base = new Map<string, string[]>();
  for (const id of ids) {
    const b = id.replace(/#(surface|ligne)$/, '');
    base.set(b, [...(base.get(b) ?? []), id]);
  }
  data.features.forEach((f: unknown, i: number) => {
    if (!isObject(f)) return;
    const props = isObject(f.properties) ? f.properties : {};
    const id = text(props.id) ?? text(f.id) ?? String(i + 1);
    for (const zoneId of base.get(id) ?? []) out.set(zoneId, { ...props });
  });
  return out;
}

const NATURA_CODE = /^FR\d{7}$/;

/** How the map draws a zone: by the embedded layer it comes from, or as a Natura 2000 site when its code says so. */
function mapZoneStyle(layer: DossierLayerData, zone: ZoneInput, code: string | null): MapZoneStyle {
  if (code && NATURA_CODE.test(code)) return 'natura2000';
  if (layer.origin === 'imported') return 'imported';
  if (layer.id === 'protections') return 'protection';
  if (layer.id === 'tvb-reservoirs') return 'reservoir';
  if (layer.id === 'tvb-corridors' || zone.geometry === 'line') return 'corridor';
  return 'other';
}

/**
 * Where a commune's name goes: the mean of its vertices (inside for the compact shapes of
 * communes); a map too small to hold that point writes the name of the commune under its centre.
 */
function communeLabels(communes: PreparedZones | null): DossierMapInput['labels'] {
  if (!communes) return [];
  return communes.inputs.map((z, i) => {
    let sx = 0;
    let sy = 0;
    let n = 0;
    for (const part of z.parts)
      for (const [x, y] of part) {
        sx += x;
        sy += y;
        n++;
      }
    return { name: z.name, at: [sx / n, sy / n] as [number, number], contains: (lon: number, lat: number) => pointInZone(zoneAt(communes, i), lon, lat) };
  });
}

export interface DossierSourcesInput {
  segments: Position[][];
  review: RouteReview;
  /** per crossing, per pass, the lines of the pass (./views.ts) */
  passLines: [number, number][][][][];
  bbox: Bbox;
  layers: readonly DossierLayerData[];
  communes: PreparedZones | null;
  places: MapPlaceInput[];
  /** the code of a zone from its attributes (./dossier.ts siteCode) */
  codeOf: (attrs: ZoneAttributes | undefined) => string | null;
}

/** The attributes of every zone the review names, and the input of the dossier's maps. */
export function dossierSources(input: DossierSourcesInput): { attributes: Record<string, ZoneAttributes>; map: DossierMapInput } {
  const { review } = input;
  const named: { zone: string; id: string; kind: string; layer: string; code?: string; inside: boolean }[] = [
    ...review.crossings.map((c) => ({ ...c, inside: true })),
    ...review.near.map((n) => ({ ...n, inside: false })),
  ];
  const attributes: Record<string, ZoneAttributes> = Object.create(null);
  const zones: MapZoneInput[] = [];
  for (const layer of input.layers) {
    const here = named.filter((z) => z.layer === layer.id);
    if (here.length === 0) continue;
    const attrs = zoneAttributes(layer.data, new Set(here.map((z) => z.id)));
    const byId = new Map(layer.zones.map((z) => [z.id, z]));
    for (const z of here) {
      const key = `${z.layer}|${z.id}`;
      const a = attrs.get(z.id);
      if (a) attributes[key] = a;
      const zone = byId.get(z.id);
      if (!zone) continue;
      // the zone's own code when the review gives it, else from its attributes
      const code = z.code || input.codeOf(a);
      zones.push({
        key,
        label: code ?? z.zone,
        layer: z.layer,
        kind: z.kind,
        geometry: zone.geometry,
        parts: zone.parts,
        style: mapZoneStyle(layer, zone, code),
        inside: z.inside,
      });
    }
  }
  const siteBoxes = review.crossings.flatMap((c, i) => {
    const lines = (input.passLines[i] ?? []).flat();
    const box = bboxOf(lines.length ? lines : c.passes.flatMap((p) => [[p.entry, p.exit]]));
    return box ? [{ key: `${c.layer}|${c.id}`, bbox: box }] : [];
  });
  return {
    attributes,
    map: { segments: input.segments, zones, places: input.places, labels: communeLabels(input.communes), bbox: input.bbox, siteBoxes },
  };
}
