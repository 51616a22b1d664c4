// The environmental review, for the worker, the CLI and the dossier: zones in (validate, then
// prepare once per layer), a route in, crossings and near zones out; season and load on top.
export { zonesFromGeoJson, type ValidZones, type ZoneSource } from './validate';
export { prepareZones, type PreparedZone, type PreparedZones } from './zones';
export { reviewRoute } from './crossings';
export { passLines } from './pass-line';
export {
  seasonReview,
  seasonOverDays,
  DEFAULT_BREEDING_SEASON,
  type EventLoad,
  type SeasonLoad,
  type SeasonFlag,
  type SeasonPeriod,
  type SeasonReview,
  type SeasonSettings,
} from './season';
export type { RouteInput } from './route-frame';
export * from './types';
