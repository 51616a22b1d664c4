// npm run bench:osm [-- --copies N] — `data:build --osm` on an OSM-sized answer: the local
// Overpass (test/helpers/overpass-stub.ts) serves N copies of the real Lille extract laid over the
// basin's box (100 by default: ~117,000 usable ways, ~14,000 km), asked cell by cell as the
// pipeline asks the real server, then built into the embedded network with the other sources,
// into a temporary folder (public/data/ is not touched). Prints the time and memory of each phase;
// asserts nothing (times depend on the machine).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveRawDir } from '../../data/io';
import { buildNetworkLayer, networkBox } from '../../data/network';
import { fetchOsmPaths } from '../../data/overpass';
import type { LayerManifest } from '../../src/core/layers';
import { lilleWays, replicate, startOverpassStub } from '../helpers/overpass-stub';

const root = path.join(import.meta.dirname, '../..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const copies = arg('--copies', 100);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} Mo`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const peak = () => mb(process.resourceUsage().maxRSS * 1024);
const heap = () => mb(process.memoryUsage().heapUsed);

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'public/data/layers.json'), 'utf8')) as LayerManifest;
const box = networkBox(manifest);
// the copies on a grid over the box, each moved from the extract's south-west corner
const sample = lilleWays();
const [x0, y0] = [3.0285, 50.6248];
const nx = Math.ceil(Math.sqrt((copies * (box[2] - box[0])) / (box[3] - box[1])));
const ny = Math.ceil(copies / nx);
const offsets: [number, number][] = [];
for (let k = 0; k < copies; k++) {
  const i = k % nx;
  const j = Math.floor(k / nx);
  offsets.push([box[0] + ((i + 0.1) * (box[2] - box[0])) / nx - x0, box[1] + ((j + 0.1) * (box[3] - box[1])) / ny - y0]);
}
const ways = replicate(sample, offsets);
const stub = await startOverpassStub(ways);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cavalier-bench-osm-'));
try {
  console.log(`Réponse générée : ${copies} copies de l’extrait de Lille (${ways.length} chemins) sur ${box.map((v) => v.toFixed(3)).join(', ')}`);
  const gc = (globalThis as { gc?: () => void }).gc;
  for (const pass of ['téléchargement', 'depuis le cache'] as const) {
    gc?.();
    const t0 = performance.now();
    const got = await fetchOsmPaths({ box, url: stub.interpreter, cacheDir: path.join(tmp, 'cache') });
    if (!got.ok) throw new Error(JSON.stringify(got.error));
    const t1 = performance.now();
    console.log(
      `  ${pass.padEnd(16)} ${got.value.cells} cellules (${got.value.cached} en cache), ${got.value.ways} chemins gardés, ${mb(got.value.bytes)} de réponses : ${s(t1 - t0)}, tas ${heap()}, pic RSS ${peak()}`,
    );
    if (pass === 'depuis le cache') {
      const out = path.join(tmp, 'data');
      fs.mkdirSync(out, { recursive: true });
      fs.copyFileSync(path.join(root, 'public/data/cavaliers.geojson'), path.join(out, 'cavaliers.geojson'));
      const t2 = performance.now();
      const report = await buildNetworkLayer(out, structuredClone(manifest), resolveRawDir(), got.value.fc);
      const t3 = performance.now();
      const size = (f: string) => mb(fs.statSync(path.join(out, f)).size);
      const osm = report.sources.find((f) => f.id === 'osm-paths');
      console.log(
        `  réseau           ${report.edges} arêtes, ${report.nodes} nœuds, ${report.components} composantes, ${(report.length_m / 1000).toFixed(0)} km ` +
          `(OSM : ${((osm?.input_m ?? 0) / 1000).toFixed(0)} km lus, ${((osm?.kept_m ?? 0) / 1000).toFixed(0)} km gardés) : ${s(t3 - t2)}, tas ${heap()}, pic RSS ${peak()}`,
      );
      console.log(
        `  fichiers         network.bin ${size('network.bin')}, network-lines.geojson ${size('network-lines.geojson')}, reseau.geojson ${size('reseau.geojson')}`,
      );
    }
  }
} finally {
  await stub.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
