// `cavalier export PROJECT.json --out DIR [--max-points N]`: one GPX per formula of every event
// of a saved project, written with the app's own export functions (src/core/event/gpx.ts) from
// the geometry stored in the file, so no network is needed and the bytes are the app's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '../i18n/dictionary';
import { formatError } from '../i18n/messages';
import { eventGpxFiles, withUniqueNames, type FormulaGpx } from '../core/event/gpx';
import { geometryOf, parseProject } from '../core/event/project';
import { readTextFile } from './read-file';
import { lang, text } from './lang';
import { systemReason } from '../i18n/cli';

export interface ExportArgs {
  project: string;
  out: string;
  maxPoints?: number;
}

/** Exit code: 0 when at least one file was written, 1 otherwise (the reason on stderr). */
export function runExport(args: ExportArgs): number {
  const read = readTextFile(args.project);
  if (!read.ok) return fail(formatError(read.error, lang));
  const project = parseProject(read.value);
  if (!project.ok) return fail(formatError(project.error, lang));
  for (const w of project.warnings) warn(formatError(w, lang));

  const all: FormulaGpx[] = [];
  for (const event of project.value.events) {
    const { files, skipped } = eventGpxFiles(event, (id) => geometryOf(project.value, id), {
      maxPoints: args.maxPoints,
      cutoffLabel: translate(lang, 'gpx.cutoff'),
    });
    for (const id of skipped) {
      const f = event.formulas.find((x) => x.id === id);
      warn(formatError({ code: 'export.no-geometry', detail: { formula: `${event.name} — ${f?.name ?? id}` } }, lang));
    }
    all.push(...files);
  }
  if (all.length === 0) return fail(text.t('cli.export.none'));

  // names are distinct within an event already; two events may still share one
  const files = withUniqueNames(all);
  try {
    mkdirSync(args.out, { recursive: true });
    for (const f of files) writeFileSync(join(args.out, f.fileName), f.text, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return fail(text.t('cli.export.cannotWrite', { path: args.out, reason: systemReason(text, code) }));
  }
  for (const f of files) process.stdout.write(`${f.fileName}${simplified(f)}\n`);
  return 0;
}

function simplified(f: FormulaGpx): string {
  const s = f.simplification;
  if (!s) return '';
  const change = Math.round(s.lengthChange_m);
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  return text.t('cli.export.simplified', { before: text.num(s.pointsBefore), after: text.num(s.pointsAfter), change: `${sign}${text.num(Math.abs(change))}` });
}

function warn(message: string): void {
  process.stderr.write(`${text.t('cli.warning', { message })}\n`);
}

function fail(message: string): number {
  process.stderr.write(`${text.t('cli.prefix', { message })}\n`);
  return 1;
}
