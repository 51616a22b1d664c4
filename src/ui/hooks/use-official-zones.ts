// « Charger les zones protégées officielles »: asks the engine for the official WFS layers around
// the route under review (workers/official-zones-engine.ts computes the extent, fetches, reads and
// keeps them as sensitive layers) and hands each layer it kept to the imported layers (`onAdded`:
// listed, drawn, stored in IndexedDB like a file imported as « zone sensible »); the review sees
// them through the engine's zones epoch. Returns what the review panel shows: the button, and one
// line per layer with its zone count, its server and the day it answered, or why it failed.
// Offline, one French notice and nothing else changes. One request at a time.

import { useCallback, useMemo, useRef, useState } from 'react';
import { OFFICIAL_ZONE_SOURCES } from '../../core/review/official-zones';
import { formatDate } from '../../i18n/dates';
import type { I18nKey } from '../../i18n/dictionary';
import { formatError } from '../../i18n/messages';
import type { EngineClient } from '../../../workers/client';
import type { AddedLayer, OfficialSourceResult, ReviewRoute } from '../../../workers/protocol';
import type { PushNotice } from '../components/Notices';
import { useI18n } from '../i18n';

export interface OfficialZonesDeps {
  engine: EngineClient | null;
  /** the route or track under review, or null */
  route: ReviewRoute | null;
  push: (n: PushNotice) => void;
  onAdded: (added: AddedLayer) => void | Promise<void>;
}

interface OfficialZonesRow {
  id: string;
  text: string;
  failed: boolean;
}

export interface OfficialZonesPanel {
  load: () => void;
  busy: boolean;
  /** no route to take the extent of */
  disabled: boolean;
  rows: OfficialZonesRow[];
}

export function useOfficialZones({ engine, route, push, onAdded }: OfficialZonesDeps): OfficialZonesPanel {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<OfficialSourceResult[]>([]);
  const running = useRef(false);
  const nameOf = useCallback((id: string) => t(`official.layer.${id}` as I18nKey), [t]);

  const load = useCallback(() => {
    if (!engine || !route || running.current) return;
    running.current = true;
    setBusy(true);
    const failed = (detail: string) => push({ id: 'official-zones', kind: 'error', text: t('official.failed', { detail }), timeout: 0 });
    void (async () => {
      try {
        push({ id: 'official-zones', text: t('official.loading'), timeout: 0 });
        const names = Object.fromEntries(OFFICIAL_ZONE_SOURCES.map((s) => [s.id, nameOf(s.id)]));
        const r = await engine.loadOfficialZones({ route, names });
        if (!r.ok) return failed(formatError(r.error, lang));
        for (const added of r.value.added) await onAdded(added);
        setResults(r.value.sources);
        const loaded = r.value.sources.filter((s) => s.count > 0);
        const broken = r.value.sources.filter((s) => s.error);
        push({
          id: 'official-zones',
          text: loaded.length
            ? t('official.done', { list: loaded.map((s) => `${nameOf(s.id)} (${t('official.zones', { n: s.count })})`).join(', ') })
            : t('official.none'),
        });
        if (broken.length)
          push({
            id: 'official-zones-partial',
            kind: 'warning',
            text: t('official.partial', { detail: broken.map((s) => formatError(s.error!, lang)).join(' ') }),
            timeout: 0,
          });
      } catch (err) {
        failed(String(err));
      } finally {
        running.current = false;
        setBusy(false);
      }
    })();
  }, [engine, route, push, onAdded, t, lang, nameOf]);

  const rows = useMemo<OfficialZonesRow[]>(
    () =>
      results
        .filter((s) => s.count > 0 || s.error)
        .map((s) =>
          s.error
            ? { id: s.id, failed: true, text: t('official.row.error', { name: nameOf(s.id), detail: formatError(s.error, lang) }) }
            : {
                id: s.id,
                failed: false,
                text: t('official.row', {
                  name: nameOf(s.id),
                  zones: t('official.zones', { n: s.count }),
                  source: s.fetched ? `${s.host}, ${formatDate(s.fetched, lang)}` : s.host,
                }),
              },
        ),
    [results, t, lang, nameOf],
  );

  return { load, busy, disabled: !engine || !route, rows };
}
