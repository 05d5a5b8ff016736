/** What the commands share: exit codes, output streams, and the report of a file that could not be read. */
import type { FileReport } from '../core/check/report';

export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  color: boolean;
  progress: boolean;
}

export function defaultIo(): Io {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    progress: Boolean(process.stderr.isTTY),
  };
}

export function unreadable(file: string, message: string): FileReport {
  return { file, error: message, tables: [], sheetsWithoutTable: [], findings: [], summary: { errors: 0, warnings: 0, infos: 0 } };
}
