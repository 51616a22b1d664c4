// Which layers a review uses. The embedded approximate layers (./embedded.ts: TVB reservoirs and
// corridors drawn from the terrils and the cavaliers, protections from terril outlines) help where
// nothing better is at hand, but must never be mixed unnoticed with official layers:
// - each layer belongs to a group: réservoirs, corridors or protections;
// - by default an approximate layer is in the review unless an imported (official) layer of its
//   group with at least one zone is there: importing the SRCE corridors takes the approximate
//   corridors out, importing Natura 2000 takes the approximate protections out, and nothing else;
// - the user can switch any approximate layer on or off (a switch beats the default); official
//   layers are always in.
// The app (workers/review-engine.ts) and `cavalier review --embedded` choose with this one function,
// so that both review the same zones and write the same CSV.
//
// The group of an imported layer comes from its zones: line zones are corridors; area zones
// whose kind or layer title says « réservoir » are reservoirs; other areas are protections
// (Natura 2000, ZNIEFF, APPB, réserves, sites classés, ENS).

import type { ZoneInput } from './types';

export type ReviewGroup = 'reservoirs' | 'corridors' | 'protections';

export interface SelectableLayer {
  id: string;
  /** embedded approximations (./embedded.ts) are true; imported layers and official embedded ones false */
  approximate: boolean;
  imported: boolean;
  /** the groups its zones stand for (./selection.ts groupsOfZones for an imported layer) */
  groups: readonly ReviewGroup[];
  zoneCount: number;
}

/** Why a layer is in the review or not. */
export type LayerChoice = 'official' | 'approximate' | 'replaced' | 'switched-on' | 'switched-off';

export interface LayerSelection {
  id: string;
  reviewed: boolean;
  choice: LayerChoice;
  /** for 'replaced': the imported layers of its group */
  replacedBy: string[];
}

const RESERVOIR = /r[ée]servoir/i;

/** The groups an imported layer's zones stand for (see the file comment). */
export function groupsOfZones(zones: readonly ZoneInput[], title: string): ReviewGroup[] {
  const out = new Set<ReviewGroup>();
  for (const z of zones) {
    if (z.geometry === 'line') out.add('corridors');
    else out.add(RESERVOIR.test(z.kind) || RESERVOIR.test(title) ? 'reservoirs' : 'protections');
  }
  return [...out];
}

/** For each layer, in order, whether the review uses it; `switches` by layer id (approximate layers only). */
export function selectLayers(layers: readonly SelectableLayer[], switches: Readonly<Record<string, boolean>> = {}): LayerSelection[] {
  return layers.map((l) => {
    if (!l.approximate) return { id: l.id, reviewed: true, choice: 'official', replacedBy: [] };
    const replacedBy = layers.filter((o) => o.imported && !o.approximate && o.zoneCount > 0 && o.groups.some((g) => l.groups.includes(g))).map((o) => o.id);
    const switched = Object.hasOwn(switches, l.id) ? switches[l.id] : undefined;
    if (switched === true) return { id: l.id, reviewed: true, choice: 'switched-on', replacedBy };
    if (switched === false) return { id: l.id, reviewed: false, choice: 'switched-off', replacedBy };
    return replacedBy.length ? { id: l.id, reviewed: false, choice: 'replaced', replacedBy } : { id: l.id, reviewed: true, choice: 'approximate', replacedBy };
  });
}
