// Plain JSON data shared by the core, the workers, the CLI and the UI.
// Nothing here may hold a class instance: values cross worker boundaries by structured clone.

import type { GeoError } from './errors';

/** GeoJSON position: [lon, lat] or [lon, lat, ele] (WGS84 degrees, metres). */
export type Position = [number, number] | [number, number, number];

/** A track as read from a file: one or more segments, elevation as the third coordinate where known. */
export interface Track {
  name: string;
  segments: Position[][];
  /**
   * Per-point times in ms since 1970 (UTC), NaN where a point has none; the same shape as
   * segments. Absent when no point has a time. Whatever moves or drops points must drop them.
   */
  times?: number[][];
  /** 'route' for a GPX rte (planned route points), written back as rte; absent for a track */
  kind?: 'route';
}

/** Where an elevation figure comes from; the UI always shows it. */
export type ElevationSource =
  | { kind: 'none' }
  | { kind: 'track' } // the file's own <ele> values
  | { kind: 'dem'; name: string; approximate: boolean };

/** Where the elevations of a share of the route's length came from ('none': nowhere). */
export interface ElevationShare {
  source: 'track' | 'dem' | 'online' | 'approximation' | 'none';
  name: string;
  /** 0..1 of the length */
  share: number;
}

export interface ElevationProfile {
  /** distance from the start of the route (m), one per sample */
  distances: number[];
  /** smoothed elevation (m), one per sample */
  elevations: number[];
  /** index into the route's point list for each sample, so hovering the profile can show the point on the map */
  lonlats: [number, number][];
  ascent: number;
  descent: number;
  min: number;
  max: number;
}

export interface RouteStats {
  length_m: number;
  points: number;
  segments: number;
  /** metres per way type ('cavalier', 'gap', 'off-network'…), for drawn routes */
  ways?: Record<string, number>;
  /** null when no elevation is known */
  profile: ElevationProfile | null;
  elevationSource: ElevationSource;
  /** the share of the length from each elevation source, largest first (elevation/sources.ts) */
  elevationSources: ElevationShare[];
  /**
   * true when the relief approché gave the elevations across a terril (it has none): the real
   * climb is larger, the ascent is a lower bound ('relief.terril-missing' among the warnings)
   */
  ascentLowerBound: boolean;
  /** e.g. 'dem.partial-coverage' when the DEM misses part of the route */
  warnings: GeoError[];
}

/**
 * A regular elevation grid in WGS84 degrees. Values are row-major from the north-west cell;
 * cell (i, j) has its centre at (west + (i + 0.5) * dx, north - (j + 0.5) * dy).
 */
export interface DemGrid {
  name: string;
  /** true for modelled relief (e.g. interpolated from mine-shaft altitudes): labelled as such everywhere */
  approximate: boolean;
  /** fetched from an online service (terrain tiles): reported as the online source */
  online?: boolean;
  west: number;
  south: number;
  east: number;
  north: number;
  width: number;
  height: number;
  values: Float32Array;
  nodata: number;
}
