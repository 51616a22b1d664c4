// Approximations apart (src/core/review/selection.ts) and the avoid mode's table per zone
// (src/core/review/avoid.ts zoneChanges), on hand-written cases.
import { describe, expect, it } from 'vitest';
import { groupsOfZones, selectLayers, type SelectableLayer } from '../../src/core/review/selection';
import { zoneChanges } from '../../src/core/review/avoid';
import { EMBEDDED_SENSITIVE_LAYERS } from '../../src/core/review/embedded';
import type { RouteReview, ZoneCrossing, ZoneInput } from '../../src/core/review';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const embedded: SelectableLayer[] = EMBEDDED_SENSITIVE_LAYERS.map((l) => ({
  id: l.id,
  approximate: l.approximate,
  imported: false,
  groups: [l.group],
  zoneCount: 10,
}));
const imported = (id: string, groups: SelectableLayer['groups'], zoneCount = 3): SelectableLayer => ({
  id,
  approximate: false,
  imported: true,
  groups,
  zoneCount,
});
const reviewed = (sel: ReturnType<typeof selectLayers>) => sel.filter((s) => s.reviewed).map((s) => s.id);

describe('which layers the review uses', () => {
  it('the embedded approximations are the ones the manifest calls approximations', () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/data/layers.json'), 'utf8')) as {
      layers: { id: string; status: string }[];
    };
    for (const l of EMBEDDED_SENSITIVE_LAYERS) {
      const entry = manifest.layers.find((m) => m.id === l.id);
      if (entry) expect(l.approximate, l.id).toBe(entry.status === 'approximation');
    }
  });

  it('every layer by default, without imports', () => {
    expect(reviewed(selectLayers(embedded))).toEqual(['protections', 'tvb-reservoirs', 'tvb-corridors', 'sites-classes']);
  });

  it('an imported layer takes the approximation of its group out, and only that one', () => {
    const n2000 = imported('layer-n2000', ['protections']);
    const sel = selectLayers([...embedded, n2000]);
    expect(reviewed(sel)).toEqual(['tvb-reservoirs', 'tvb-corridors', 'sites-classes', 'layer-n2000']);
    expect(sel[0]).toEqual({ id: 'protections', reviewed: false, choice: 'replaced', replacedBy: ['layer-n2000'] });
    const srce = imported('layer-srce', ['corridors', 'reservoirs']);
    expect(reviewed(selectLayers([...embedded, n2000, srce]))).toEqual(['sites-classes', 'layer-n2000', 'layer-srce']);
    // an imported layer without a zone replaces nothing
    expect(reviewed(selectLayers([...embedded, imported('empty', ['protections'], 0)]))).toContain('protections');
  });

  it('the user’s switches beat the default', () => {
    const n2000 = imported('layer-n2000', ['protections']);
    const sel = selectLayers([...embedded, n2000], { protections: true, 'tvb-corridors': false, 'sites-classes': false });
    expect(reviewed(sel)).toEqual(['protections', 'tvb-reservoirs', 'sites-classes', 'layer-n2000']);
    expect(sel.map((s) => s.choice)).toEqual(['switched-on', 'approximate', 'switched-off', 'official', 'official']);
  });

  it('an imported layer’s groups come from its zones', () => {
    const zone = (geometry: 'polygon' | 'line', kind: string): ZoneInput => ({ id: '1', name: 'z', kind, layer: 'l', geometry, parts: [] });
    expect(groupsOfZones([zone('polygon', 'ZSC'), zone('polygon', 'ZPS')], 'n2000')).toEqual(['protections']);
    expect(groupsOfZones([zone('line', 'corridor')], 'srce')).toEqual(['corridors']);
    expect(groupsOfZones([zone('polygon', 'Réservoir de biodiversité'), zone('line', 'x')], 'srce')).toEqual(['reservoirs', 'corridors']);
    expect(groupsOfZones([zone('polygon', 'srce_reservoirs')], 'srce_reservoirs')).toEqual(['reservoirs']);
  });
});

describe('the avoid mode’s table per zone', () => {
  const crossing = (zone: string, length_m: number): ZoneCrossing => ({
    zone,
    id: zone,
    kind: 'ZNIEFF',
    layer: 'znieff',
    geometry: 'polygon',
    length_m,
    share: 0,
    passes: [],
  });
  const review = (crossings: ZoneCrossing[]): RouteReview => ({ route_length_m: 5000, crossings, near: [], buffer_m: 0, corridor_m: 25 });

  it('lists every zone either way enters, those that got worse first', () => {
    const before = review([crossing('Marais', 800), crossing('Bois', 276)]);
    const after = review([crossing('Bois', 343), crossing('Terril', 40)]);
    expect(zoneChanges(before, after).map((z) => [z.zone, z.before_m, z.after_m, z.change_m])).toEqual([
      ['Bois', 276, 343, 67],
      ['Terril', 0, 40, 40],
      ['Marais', 800, 0, -800],
    ]);
  });
});
