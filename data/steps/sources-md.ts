// The generated table of data/SOURCES.md (pure: string in, string out).

import type { NetworkReport } from '../../src/core/graph/build.ts';
import type { LayerManifest } from '../../src/core/layers.ts';
import { SOURCE_DATE } from './manifest.ts';
import { NETWORK_SOURCES, type SourceFigures } from './network-sources.ts';

const TABLE_START = '<!-- table:start (généré par npm run data:build, ne pas modifier à la main) -->';
const TABLE_END = '<!-- table:end -->';

const STATUS_FR = { official: 'officielle', approximation: 'approximation', 'to-import': 'à importer' } as const;

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderSourcesTable(
  manifest: LayerManifest & { relief?: { url: string; source: string; licence: string; note: { fr: string } } },
  network?: NetworkReport & { sources?: readonly SourceFigures[] },
): string {
  const rows = [
    '| couche | fichier | statut | objets | source | date des données | licence |',
    '| --- | --- | --- | ---: | --- | --- | --- |',
    ...manifest.layers.map(
      (l) =>
        `| ${cell(l.title.fr)} (\`${l.id}\`) | ${l.url ? `\`public/${l.url}\`` : '—'}${l.tiles ? ` + tuiles \`public/${l.tiles.url}\`` : ''} | ${STATUS_FR[l.status]} | ${l.featureCount ?? '—'} | ${cell(l.source)} | ${l.status === 'to-import' ? '—' : (l.date ?? SOURCE_DATE)} | ${cell(l.licence)} |`,
    ),
  ];
  if (manifest.relief) {
    const r = manifest.relief;
    rows.push(
      `| Relief approché (\`relief\`) | \`public/${r.url}\` + \`.bin\` | approximation | grille | ${cell(r.source)} | ${SOURCE_DATE} | ${cell(r.licence)} |`,
    );
  }
  if (network) {
    const km = (m: number) => (m / 1000).toFixed(1).replace('.', ',');
    const largest = network.componentLengths_m.slice(0, 5).map(km).join(' ; ');
    rows.push(
      '',
      `Réseau d'accroche (\`reseau\`, \`network.bin\`) : ${network.edges} arêtes, ${network.nodes} nœuds, ${km(network.length_m)} km dont ` +
        `${network.gaps} raccords pour ${km(network.gapLength_m)} km ; **${network.components} composantes connexes** ` +
        `(les cinq plus grandes : ${largest} km).`,
    );
    if (network.sources?.length) {
      rows.push(
        '',
        '| source du réseau | licence | routable lu | en projet, écarté | déjà couvert par une source précédente | gardé |',
        '| --- | --- | ---: | ---: | ---: | ---: |',
      );
      for (const f of network.sources) {
        const info = NETWORK_SOURCES.find((s) => s.id === f.id);
        rows.push(
          `| ${cell(info?.title.fr ?? f.id)} (${cell(info?.credit ?? '')}) | ${cell(info?.licence ?? '')} | ${km(f.input_m)} km | ${km(f.notBuilt_m)} km | ${km(f.shared_m)} km | ${km(f.kept_m)} km |`,
        );
      }
    }
  }
  return rows.join('\n');
}

/** md with the text between the markers replaced by table; markers appended at the end when absent */
export function replaceTable(md: string, table: string): string {
  const block = `${TABLE_START}\n${table}\n${TABLE_END}`;
  const a = md.indexOf(TABLE_START);
  const b = md.indexOf(TABLE_END);
  if (a >= 0 && b > a) return md.slice(0, a) + block + md.slice(b + TABLE_END.length);
  return `${md.trimEnd()}\n\n${block}\n`;
}
