// Errors are values with a code; messages are made only at the edge (src/i18n/messages.ts, for the app and the CLI).

export type ErrorCode =
  | 'file.empty'
  | 'file.unreadable'
  | 'file.too-large'
  | 'file.unknown-format'
  | 'file.not-xml'
  | 'file.xml-entities'
  | 'file.no-track'
  | 'file.bad-coordinate'
  | 'file.not-json'
  | 'file.not-geojson'
  // warnings of a track that loaded (src/core/gpx)
  | 'file.single-point'
  | 'file.empty-segments'
  | 'file.bad-elevation'
  | 'file.bad-time'
  | 'file.routes-left-out'
  | 'file.invalid-utf8'
  // a GeoJSON track in a projected system: converted (warning), or a system Cavalier does not know
  | 'file.reprojected'
  | 'file.projected'
  | 'geojson.no-line'
  | 'route.far-from-network'
  | 'route.no-path'
  | 'network.empty'
  // network.bin (or a kept merged network) of another version, or cut short or damaged
  | 'network.outdated'
  | 'network.corrupt'
  // `cavalier route`: network.bin / network.json absent from public/data
  | 'network.missing-embedded'
  | 'routing.provider-answer'
  | 'routing.provider-refused'
  | 'routing.provider-unreachable'
  // project files and per-formula export (src/core/event)
  | 'project.invalid'
  | 'project.future-version'
  | 'project.migrated'
  | 'export.no-geometry'
  // a share link (src/core/event/share.ts) that cannot be read
  | 'share.invalid'
  // GPX writing (src/core/gpx/write.ts): values no valid GPX can hold, left out and counted
  | 'export.bad-coordinates'
  | 'export.bad-elevations'
  // environmental review (src/core/review): a zone file as a whole…
  | 'zones.not-wgs84'
  | 'zones.none'
  | 'zones.missing-embedded'
  | 'zones.field-missing'
  | 'zones.fields-guessed'
  // …one zone of it (detail.name says which; the review goes on without it or with it repaired)
  | 'zone.empty-geometry'
  | 'zone.unsupported-geometry'
  | 'zone.bad-coordinate'
  | 'zone.unclosed-ring'
  | 'zone.degenerate-ring'
  | 'zone.self-intersection'
  // the event a review is run for
  | 'event.bad-date'
  | 'event.bad-participants'
  | 'event.bad-season'
  | 'dem.invalid-grid'
  | 'dem.not-wgs84'
  | 'dem.partial-coverage'
  // layer and DEM import (src/core/import, src/core/elevation): a file as a whole…
  | 'dem.unsupported-tiff'
  // a grid whose header declares more cells than can be held in memory (either format)
  | 'dem.too-many-cells'
  | 'crs.unknown'
  | 'import.not-geojson'
  | 'import.no-features'
  | 'import.outside-france'
  // …one skipped feature (also SkippedFeature.reason; 'import.outside-france' too)…
  | 'import.empty-geometry'
  | 'import.bad-coordinate'
  | 'import.invalid-geometry'
  | 'import.unsupported-geometry'
  // …and the warnings of a layer that loaded
  | 'import.mixed-geometry'
  | 'import.skipped'
  | 'import.crs-guessed'
  | 'import.nan-repaired'
  | 'import.rings-closed'
  | 'import.from-ignored'
  | 'import.osm-missing-nodes'
  | 'import.osm-ignored'
  // the paths of an area asked of the Overpass API (src/core/import/overpass.ts): the area, and
  // an answer that came with status 200 but is cut short, not Overpass's, or a runtime error
  | 'overpass.bad-area'
  | 'overpass.area-too-large'
  | 'overpass.incomplete'
  | 'overpass.bad-answer'
  | 'overpass.runtime-error'
  | 'overpass.no-paths'
  // the official protected areas asked of the WFS servers (src/core/review/official-zones.ts): the
  // area, a layer refused (its ExceptionReport) or answered in another format, a layer cut at the page limit
  | 'wfs.no-route'
  | 'wfs.area-too-large'
  | 'wfs.exception'
  | 'wfs.bad-answer'
  | 'wfs.truncated'
  // the reading used lands far from the region and another one lands in it (detect-crs.ts,
  // proposeCrs); also the failure when nothing lands in France
  | 'import.crs-proposed'
  | 'import.axes-swapped'
  // zipped shapefiles (src/core/import/zip.ts) and online terrain tiles (src/core/elevation/terrain-tiles.ts)
  | 'import.zip-too-large'
  | 'import.no-shapefile'
  // a zip whose directory or data cannot be read (truncated download, not really a zip)
  | 'import.zip-unreadable'
  | 'dem.tiles-none'
  | 'dem.tiles-too-many'
  | 'dem.tiles-failed'
  // the relief approché along a terril: its climb is missing (detail terrils, count, length_m)
  | 'relief.terril-missing'
  // the Géoplateforme altimetry service answered, but not what was asked (detail host, expected, got)
  | 'altimetry.incomplete'
  | 'altimetry.bad-answer'
  // the network, as src/adapters/http.ts reports it for every online source (detail url, host)
  | 'http.timeout'
  | 'http.aborted'
  | 'http.offline'
  | 'http.status'
  | 'http.rate-limited'
  | 'http.truncated'
  | 'http.bad-answer'
  | 'http.bad-url'
  // one of the app's own data files (src/adapters/data-files.ts), detail path, status, cause
  | 'data.unavailable';

export interface GeoError {
  code: ErrorCode;
  /** values the message may quote (a line number, a distance); never HTML */
  detail?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T; warnings: GeoError[] } | { ok: false; error: GeoError };

export const ok = <T>(value: T, warnings: GeoError[] = []): Result<T> => ({ ok: true, value, warnings });
export const fail = <T = never>(code: ErrorCode, detail?: GeoError['detail']): Result<T> => ({
  ok: false,
  error: detail ? { code, detail } : { code },
});
