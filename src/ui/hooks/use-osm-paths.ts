// « Charger les chemins OpenStreetMap de cette zone »: asks the engine for the Overpass paths of
// the view (workers/osm-engine.ts checks the area, fetches, reads and merges them) and hands the
// layer it kept to the imported layers (`onAdded`: listed, drawn, stored in IndexedDB like a file
// imported with the role « réseau »). One request at a time: the action waits for the last one.

import { useCallback, useRef, useState } from 'react';
import type { Bbox } from '../../core/geo/bbox';
import { formatError } from '../../i18n/messages';
import type { EngineClient } from '../../../workers/client';
import type { AddedLayer } from '../../../workers/protocol';
import type { PushNotice } from '../components/Notices';
import { useI18n } from '../i18n';

export interface OsmPathsDeps {
  engine: EngineClient | null;
  /** the area shown, or null before the map is there */
  viewBbox: () => Bbox | null;
  push: (n: PushNotice) => void;
  /** the embedded network's lines are in the engine (needed to merge) */
  ensureBase: () => Promise<boolean>;
  onAdded: (added: AddedLayer) => void | Promise<void>;
}

export interface OsmPaths {
  busy: boolean;
  load: () => void;
}

const newId = () =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? `osm-${crypto.randomUUID()}` : `osm-${Date.now().toString(36)}`;

export function useOsmPaths({ engine, viewBbox, push, ensureBase, onAdded }: OsmPathsDeps): OsmPaths {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const load = useCallback(() => {
    const bbox = viewBbox();
    if (!engine || !bbox || running.current) return;
    running.current = true;
    setBusy(true);
    const failed = (detail: string) => push({ id: 'osm', kind: 'error', text: t('osm.failed', { detail }), timeout: 0 });
    void (async () => {
      try {
        push({ id: 'osm', text: t('osm.loading'), timeout: 0 });
        if (!(await ensureBase())) return failed(formatError({ code: 'network.empty' }, lang));
        const r = await engine.loadOsmPaths({ bbox, name: t('osm.layerName'), id: newId() });
        if (!r.ok) return failed(formatError(r.error, lang));
        await onAdded(r.value);
        push({
          id: 'osm',
          text: t('userLayers.networkMerged', {
            lines: t('userLayers.lines', { n: r.value.layer.networkLines ?? 0 }),
            joins: t('userLayers.joinsCount', { n: r.value.network?.joins.features.length ?? 0 }),
          }),
        });
      } catch (err) {
        failed(String(err));
      } finally {
        running.current = false;
        setBusy(false);
      }
    })();
  }, [engine, viewBbox, push, ensureBase, onAdded, t, lang]);
  return { busy, load };
}
