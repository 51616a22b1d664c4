// The real `cavalier` command line, run as a user runs it (node src/cli/cavalier.mjs, from the
// project's root), for the CLI tests.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `cavalier …args` with the debug output off; never rejects: a failure is a non-zero code. */
export function runCavalier(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['src/cli/cavalier.mjs', ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, CAVALIER_DEBUG: '', ...env } },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
      },
    );
  });
}
