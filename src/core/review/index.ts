// The environmental review, for the worker, the CLI and the dossier: zones in (validate, then
// prepare once per layer), a route in, crossings and near zones out; season and load on top.
export { zonesFromGeoJson, type ZoneSource } from './validate';
export { prepareZones, type PreparedZones } from './zones';
export { reviewRoute } from './crossings';
export { passLines } from './pass-line';
export {
  seasonReview,
  seasonOverDays,
  DEFAULT_BREEDING_SEASON,
  DEFAULT_SPECIES_GROUPS,
  SPECIES_GROUP_IDS,
  type SeasonLoad,
  type SeasonReview,
  type SpeciesGroup,
  type SeasonSettings,
} from './season';
export * from './types';
