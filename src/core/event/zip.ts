// All the GPX files of an event as one zip. Stored with a fixed date so the same event gives
// the same bytes (fflate would stamp the current time); names are already ASCII (filename.ts).
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Position } from '../types';
import { eventGpxFiles, type EventGpx, type FormulaGpxOptions } from './gpx';
import type { Event } from './model';

/** 2000-01-01 00:00 in local time: zip times are local, so any zone reads this same date. */
const FIXED_MTIME = new Date(2000, 0, 1);

export function zipFiles(files: readonly { fileName: string; text: string }[], mtime: Date = FIXED_MTIME): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) entries[f.fileName] = [strToU8(f.text), { mtime, level: 6 }];
  return zipSync(entries);
}

/** The zip of every traced formula of an event, with the files and the formulas left out. */
export function eventGpxZip(
  event: Event,
  geometryOf: (formulaId: string) => readonly Position[] | undefined,
  options: FormulaGpxOptions = {},
): EventGpx & { zip: Uint8Array } {
  const result = eventGpxFiles(event, geometryOf, options);
  return { ...result, zip: zipFiles(result.files) };
}
