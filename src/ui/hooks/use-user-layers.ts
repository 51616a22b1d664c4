// Imported layers and DEM files, put together for the shell: the layer store, the relief
// source and the import dialog. Returns what the « Couches importées » section and the dialog
// are drawn from (App.tsx draws them); what they change reaches the planner and the review through
// the engine's epochs.
import { useCallback } from 'react';
import type { MapController } from '../../map/map-controller';
import { TERRARIUM_ATTRIBUTION, TERRARIUM_URL } from '../../core/elevation/terrain-tiles';
import type { EngineClient } from '../../../workers/client';
import type { ImportLayerDialogProps } from '../components/ImportLayerDialog';
import type { PushNotice } from '../components/Notices';
import type { UserLayersSectionProps } from '../components/UserLayersSection';
import { useLayerImportDialog } from './use-layer-import-dialog';
import { useLayerStore, type LayerStore } from './use-layer-store';
import { useOsmPaths } from './use-osm-paths';
import { useReliefSource } from './use-relief-source';

export interface UserLayersDeps {
  engine: EngineClient | null;
  controller: MapController | null;
  push: (n: PushNotice) => void;
  /** the embedded network is in the current worker: imported network layers are restored into it then */
  networkReady: boolean;
  networkError: string | null;
  /** the engine's relief epoch as a key: refreshes the relief label */
  reliefKey: string;
  /** [west, south, east, north] of the current route or active track (null: nothing drawn), for online elevation tiles */
  routeBbox?: () => [number, number, number, number] | null;
}

export interface UserLayers {
  /** « Couches importées » and the relief, for the top of the layer panel */
  section: UserLayersSectionProps;
  /** the import dialog, when open */
  dialog: ImportLayerDialogProps | null;
  /** a layer the worker fetched itself (OSM paths, official zones): listed, drawn and stored */
  adoptFetched: LayerStore['adoptFetched'];
}

export function useUserLayers({ engine, controller, push, networkReady, networkError, reliefKey, routeBbox }: UserLayersDeps): UserLayers {
  const store = useLayerStore({ engine, controller, push, networkReady, networkError });
  const relief = useReliefSource({ engine, push, reliefKey, routeBbox });
  const dialog = useLayerImportDialog({ engine, store, relief, push });
  // « Charger les chemins OpenStreetMap de cette zone »: kept by the engine as a network layer, listed and stored as an import
  const viewBbox = useCallback(() => controller?.viewBbox() ?? null, [controller]);
  const osm = useOsmPaths({ engine, viewBbox, push, ensureBase: store.ensureBase, onAdded: store.adoptFetched });

  const section: UserLayersSectionProps = {
    layers: store.items,
    networkOrigin: store.networkOrigin,
    onImport: dialog.open,
    onLoadOsm: osm.load,
    osmBusy: osm.busy,
    onToggle: store.toggle,
    onZoom: store.zoom,
    onRemove: store.remove,
    demLabel: relief.label,
    canResetDem: relief.canReset,
    demStored: relief.stored,
    demBusy: relief.busy,
    onLoadDem: (f) => relief.loadFile(f, dialog.askDemCrs),
    onResetDem: relief.reset,
    onlineRelief: relief.online,
    tilesDefaultUrl: TERRARIUM_URL,
    tilesAttribution: TERRARIUM_ATTRIBUTION,
    onUseTiles: relief.useTiles,
  };

  return { section, dialog: dialog.props, adoptFetched: store.adoptFetched };
}
