// Sources and layers added to the style in one batch, unvalidated in the built app.
//
// maplibre validates every map.addSource and map.addLayer against the whole style, which it
// serializes anew for each call (Style._validate → serialize()): the ~70 sources and layers the map
// adds at 'load' cost O(n²), about a third of the 'load' handler on the first map (issue 15). Our
// layers are checked by test/map and by the dev server, which keeps validating every call.

import type { AddLayerObject, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';

export interface StyleBatch {
  sources?: readonly (readonly [string, SourceSpecification])[];
  /** each layer, with the layer it goes under (undefined: on top) */
  layers?: readonly (readonly [AddLayerObject, string | undefined])[];
}

export function addToStyle(map: MapLibreMap, batch: StyleBatch, validate: boolean = import.meta.env.DEV): void {
  const sources = batch.sources ?? [];
  const layers = batch.layers ?? [];
  if (validate) {
    for (const [id, spec] of sources) map.addSource(id, spec);
    for (const [layer, before] of layers) map.addLayer(layer, before);
    return;
  }
  // the style's own setters skip the validation; the last call goes through the map's, which
  // marks the style for an update and asks for a frame
  const last = layers.length - 1;
  sources.forEach(([id, spec], i) => (i === sources.length - 1 && last < 0 ? map.addSource(id, spec) : map.style.addSource(id, spec, { validate: false })));
  layers.forEach(([layer, before], i) => (i === last ? map.addLayer(layer, before) : map.style.addLayer(layer, before, { validate: false })));
}
