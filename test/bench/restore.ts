// An imported regional OpenStreetMap network at each load: the layers are restored into the worker,
// and the merged network either comes from the bundle kept after the import
// (workers/layer-engine.ts mergedNetworkBundle, kept by workers/engine.ts in src/adapters/network-store.ts) or is rebuilt from
// the layer's lines (buildGraph + index), as before. Same records, same embedded network; the legs
// found on both are compared so that the comparison means something.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, LineString } from 'geojson';
import { EdgeKind } from '../../src/core/graph/graph';
import { createEngine } from '../../workers/engine';
import type { UserLayerRecord } from '../../workers/protocol';
import { syntheticNetwork } from './synthetic-network';
import { benchTable, isMain, type BenchRow } from './table';

const ROOT = join(import.meta.dirname, '../..');
const dataDir = join(ROOT, 'public/data');
const bytesOf = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const HIGHWAY: Record<number, string> = {
  [EdgeKind.path]: 'path',
  [EdgeKind.track]: 'track',
  [EdgeKind.cycleway]: 'cycleway',
  [EdgeKind.road]: 'unclassified',
};

function engine() {
  const e = createEngine();
  const meta = JSON.parse(readFileSync(join(dataDir, 'network.json'), 'utf8')) as { names: string[]; joinTolerance_m: number };
  e.loadNetwork(bytesOf(readFileSync(join(dataDir, 'network.bin'))), meta.names);
  e.setEmbeddedNetworkLines(bytesOf(readFileSync(join(dataDir, 'cavaliers.geojson'))), meta.joinTolerance_m);
  return e;
}

const ms = (t: number) => performance.now() - t;

export async function benchRestore(targetEdges = 200_000): Promise<BenchRow[]> {
  const lines = syntheticNetwork({ targetEdges, seed: 7 });
  const features: Feature<LineString>[] = lines.map((l) => ({
    type: 'Feature',
    properties: { highway: HIGHWAY[l.kind] ?? 'track', ...(l.name ? { name: l.name } : {}) },
    geometry: { type: 'LineString', coordinates: l.coords },
  }));
  const text = JSON.stringify({ type: 'FeatureCollection', features });

  // the import, once: it builds the merge and gives the bundle the page keeps
  const first = engine();
  const opened = first.openFile(new TextEncoder().encode(text).buffer as ArrayBuffer, 'osm-regional.geojson');
  if (!opened.ok || !first.previewLayer(opened.value.token).ok) throw new Error('the generated layer must read');
  const added = first.addLayer(opened.value.token, 'network', 'osm-regional');
  if (!added.ok) throw new Error(added.error.code);
  const record: UserLayerRecord = { ...added.value.layer, fc: added.value.fc };
  const bundle = first.mergedNetworkBundle()!;
  const edges = added.value.network!.edges;

  // each way twice into a fresh engine, a full collection before each (node --expose-gc), best kept:
  // what the previous run left on the heap must not be timed
  const gc = (globalThis as { gc?: () => void }).gc;
  const timed = async (prebuilt: boolean) => {
    let best = Infinity;
    let e = engine();
    for (let k = 0; k < 2; k++) {
      e = engine();
      gc?.();
      const t = performance.now();
      const r = await e.restoreLayers([record], undefined, prebuilt ? { ...bundle, bytes: bundle.bytes.slice(0) } : undefined);
      best = Math.min(best, ms(t));
      if (!r.ok || (r.value.network?.prebuilt === true) !== prebuilt)
        throw new Error(prebuilt ? 'the bundle must be used' : 'the rebuild must not use a bundle');
    }
    return { engine: e, ms: best };
  };
  const { engine: fromBundle, ms: bundleMs } = await timed(true);
  const { engine: rebuilt, ms: rebuildMs } = await timed(false);

  // the same network: the same legs between ends of imported lines
  const reqs = Array.from({ length: 50 }, (_, i) => {
    const p = lines[(i * 7919) % lines.length].coords[0];
    const q = lines[(i * 104729 + 13) % lines.length].coords.at(-1)!;
    return { from: p, to: q, mode: 'network' as const };
  });
  const [la, lb] = [await fromBundle.legs(reqs), await rebuilt.legs(reqs)];
  if (JSON.stringify(la.map((l) => l.length_m)) !== JSON.stringify(lb.map((l) => l.length_m))) throw new Error('bundle and rebuild must route alike');

  return [
    {
      what: `Couche réseau OSM importée rendue au worker au chargement (${lines.length.toLocaleString('fr-FR')} voies générées → ${edges.toLocaleString('fr-FR')} arêtes fusionnées avec les cavaliers ; paquet de ${(bundle.bytes.byteLength / 1e6).toFixed(0)} Mo gardé dans IndexedDB ; 50 tronçons identiques)`,
      ours: `${bundleMs.toFixed(0)} ms (restoreLayers avec le paquet gardé ; meilleur de 2)`,
      baseline: `${rebuildMs.toFixed(0)} ms (restoreLayers qui refait la fusion : buildGraph + index ; meilleur de 2)`,
      ratio: `×${(rebuildMs / bundleMs).toFixed(1)}`,
    },
  ];
}

if (isMain(import.meta.url)) console.log(benchTable(await benchRestore()));
