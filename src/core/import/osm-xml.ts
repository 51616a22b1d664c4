// OpenStreetMap XML (.osm: JOSM saves, the API's /map call, osmium exports). Objects that JOSM
// marks action="delete", and history versions marked visible="false", no longer exist: left out.

import type { Position } from 'geojson';
import { childElements, type XmlElement } from '../gpx/dom';
import { osmPosition, osmWaysToFeatures, type OsmWay, type OsmWaysResult } from './osm-ways';

export function featuresFromOsmXml(root: XmlElement): OsmWaysResult & { relations: number } {
  const live = (e: XmlElement) => e.getAttribute('action') !== 'delete' && e.getAttribute('visible') !== 'false';
  const nodes = new Map<string, Position | null>();
  for (const n of childElements(root, 'node')) {
    if (live(n)) nodes.set(n.getAttribute('id') ?? '', osmPosition(n.getAttribute('lat'), n.getAttribute('lon')));
  }
  const ways: OsmWay[] = [];
  for (const w of childElements(root, 'way')) {
    if (!live(w)) continue;
    const tags = Object.create(null) as Record<string, string>; // a "__proto__" key is just a key
    for (const t of childElements(w, 'tag')) {
      const k = t.getAttribute('k');
      const v = t.getAttribute('v');
      if (k !== null && v !== null) tags[k] = v;
    }
    ways.push({
      id: `way/${w.getAttribute('id') ?? ''}`,
      tags,
      points: childElements(w, 'nd').map((nd) => nodes.get(nd.getAttribute('ref') ?? '') ?? null),
    });
  }
  const relations = childElements(root, 'relation').filter(live).length;
  return { ...osmWaysToFeatures(ways), relations };
}
