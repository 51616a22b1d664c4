// A layer file as its bytes, whatever its format: a zipped shapefile (its features as GeoJSON,
// with the system its .prj names), a KMZ (its KML), or text (GeoJSON, KML, GPX, OSM, decoded as
// GPS software writes it). The app's layer engine (workers/layer-engine.ts) and the CLI
// (`cavalier import`, `cavalier review --zones`) both read files through here and importLayer,
// so they accept the same files and say the same things about them.

import { ok, type GeoError, type Result } from '../errors';
import { decodeText } from '../gpx/encoding';
import { importGeoJsonValue, importLayer, type ImportedLayer, type ImportLayerOptions, type LayerFormat } from './layer';
import { isZip, readKmzText, readShapefileZip, zipKind } from './zip';

/** A file's text (GeoJSON, KML, GPX, OSM; a KMZ's KML), or a zipped shapefile's features already as GeoJSON. */
export type LayerText =
  | { text: string; format?: 'kmz'; geojson?: undefined }
  | { geojson: { type: 'FeatureCollection'; features: unknown[]; crs?: unknown }; format: Extract<LayerFormat, 'shapefile'>; text?: undefined };

/** The text importLayer reads for these bytes; its warnings are decoding's (invalid UTF-8). */
export function layerText(bytes: Uint8Array): Result<LayerText> {
  if (isZip(bytes)) {
    const kind = zipKind(bytes);
    if (!kind.ok) return kind;
    if (kind.value === 'kmz') {
      const kml = readKmzText(bytes);
      if (!kml.ok) return kml;
      return ok({ text: kml.value, format: 'kmz' });
    }
    const z = readShapefileZip(bytes);
    if (!z.ok) return z;
    const { fc, crs } = z.value;
    // the features as they are, with the system the .prj names: never written out and parsed back
    return ok({ geojson: crs ? { ...fc, crs: { type: 'name', properties: { name: crs } } } : fc, format: 'shapefile' });
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  return ok({ text: decoded.value }, decoded.warnings);
}

/** importLayer over a text read by layerText: decoding's warnings first, the zip's format reported. */
export function importLayerText(read: LayerText, decodeWarnings: readonly GeoError[], fileName: string, opts: ImportLayerOptions = {}): Result<ImportedLayer> {
  const imported = read.geojson !== undefined ? importGeoJsonValue(read.geojson, fileName, opts) : importLayer(read.text, fileName, opts);
  if (!imported.ok) return imported;
  const warnings = [...decodeWarnings, ...imported.warnings];
  const layer: ImportedLayer = { ...imported.value, warnings, ...(read.format ? { format: read.format } : {}) };
  return ok(layer, warnings);
}

/** A layer file's bytes into a WGS84 layer: layerText, then importLayer. */
export function importLayerFile(bytes: Uint8Array, fileName: string, opts: ImportLayerOptions = {}): Result<ImportedLayer> {
  const read = layerText(bytes);
  if (!read.ok) return read;
  return importLayerText(read.value, read.warnings, fileName, opts);
}
