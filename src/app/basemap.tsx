// The basemap, wired: Plan IGN v2 unless the user chose another, the map's report that it did not
// load (the map then shows the embedded layers alone: said once, in the switch), another try when
// the browser says it is back online or the user picks a basemap again, and SCAN 25's key.
//
// Only a choice the user makes is kept: a fresh profile, and one that never chose, get Plan IGN.

import { useEffect, useState, type ReactNode } from 'react';
import { choicePreference, jsonPreference } from '../adapters/preferences';
import type { BasemapId, MapController } from '../map/map-controller';
import { DEFAULT_BASEMAP } from '../map/styles';
import { BasemapSwitch } from '../ui/components/BasemapSwitch';

const CHOICES: readonly BasemapId[] = ['ign', 'osm', 'scan25', 'none'];
const choicePref = choicePreference<BasemapId | 'default'>('cavalier.basemap.choice', [...CHOICES, 'default'], 'default');
// before, the app wrote its 'none' default here on every visit: only a basemap picked by hand means a choice
const legacyPref = choicePreference<BasemapId | 'default'>('cavalier.basemap', ['osm', 'ign'], 'default');
const keyPref = jsonPreference<string>('cavalier.scan25.key', (v) => (typeof v === 'string' && /^[\w.-]{1,200}$/.test(v) ? v : undefined), '');

function initialChoice(): BasemapId | null {
  const c = choicePref.get();
  if (c !== 'default') return c;
  const old = legacyPref.get();
  return old === 'default' ? null : old;
}

/** `shown`: the basemap on the map now, also given to the map at its creation (App.tsx). */
export function useBasemap(controller: MapController | null): { switch: ReactNode; shown: { id: BasemapId; options: { scan25Key: string } } } {
  const [chosen, setChosen] = useState<BasemapId | null>(initialChoice);
  const [failed, setFailed] = useState<BasemapId | null>(null);
  const [scan25Key, setScan25Key] = useState(keyPref.get);
  const wanted = chosen ?? DEFAULT_BASEMAP;
  const needsKey = wanted === 'scan25' && !scan25Key;
  const shown: BasemapId = failed === wanted || needsKey ? 'none' : wanted;

  useEffect(() => controller?.setBasemap(shown, { scan25Key }), [controller, shown, scan25Key]);

  useEffect(() => {
    if (!controller) return;
    return controller.on('basemaperror', (b) => setFailed(b));
  }, [controller]);

  // back online: one more try, quietly
  useEffect(() => {
    if (!failed) return;
    const retry = () => setFailed(null);
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [failed]);

  return {
    shown: { id: shown, options: { scan25Key } },
    switch: (
      <BasemapSwitch
        value={shown}
        failed={failed === wanted ? failed : null}
        needsKey={needsKey}
        scan25Key={scan25Key}
        onScan25Key={(key) => {
          setScan25Key(key);
          keyPref.set(key);
          setFailed(null);
        }}
        onChange={(id) => {
          setChosen(id);
          choicePref.set(id);
          // a click is another try, even of the basemap that failed
          setFailed(null);
        }}
      />
    ),
  };
}
