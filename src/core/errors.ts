// Errors are values with a code; messages are made only at the edge (src/app/messages.ts, for the app and the CLI).

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
  | 'geojson.no-line'
  | 'route.far-from-network'
  | 'route.no-path'
  | 'network.empty'
  | 'dem.invalid-grid'
  | 'dem.not-wgs84'
  | 'dem.partial-coverage';

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
