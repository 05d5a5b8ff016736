/** Expand the command line's files and directories into the workbooks to read. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { WorkbookSnapshot } from '../core/snapshot/snapshot';
import { readWorkbook, readWorkbookBytes, WorkbookReadError } from '../hosts/xlsx/read';

/**
 * An input workbook: its bytes, read once, and its snapshot. A command that writes a copy writes it from
 * the same bytes it analysed.
 */
export async function readInput(file: string): Promise<{ bytes: Buffer; snapshot: WorkbookSnapshot }> {
  const bytes = await readWorkbookBytes(file);
  return { bytes, snapshot: await readWorkbook(bytes, file) };
}

/** What a command reports for an input it could not read: the reader's message (it names the file), else the file and the error. */
export function readFailure(file: string, e: unknown): string {
  return e instanceof WorkbookReadError ? e.message : `${file}: ${(e as Error).message}`;
}

const WORKBOOK_EXT = /\.(xlsx|xlsm)$/i;

export interface InputList {
  files: string[];
  /** Inputs that do not exist: reported as unreadable files. */
  missing: string[];
}

export async function expandInputs(inputs: string[]): Promise<InputList> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) files.push(...(await walk(input)));
    else files.push(input);
  }
  return { files: [...new Set(files)], missing };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    // ~$name.xlsx are Excel's lock files, not workbooks.
    else if (WORKBOOK_EXT.test(e.name) && !e.name.startsWith('~$')) out.push(p);
  }
  return out;
}

/**
 * Where the marked copy of `file` goes. With one input, `out` may name the file itself;
 * with several, or when it is an existing directory or ends with a separator, it is a directory.
 */
export async function outputPathFor(file: string, out: string, several: boolean, suffix: string): Promise<string> {
  let isDir = several || out.endsWith('/') || out.endsWith(path.sep);
  try {
    if ((await fs.stat(out)).isDirectory()) isDir = true;
  } catch {
    /* does not exist yet */
  }
  if (!isDir) return out;
  const base = path.basename(file).replace(/\.(xlsx|xlsm)$/i, '');
  const ext = path.extname(file) || '.xlsx';
  return path.join(out, `${base}${suffix}${ext}`);
}

/**
 * Where the copy of each input goes, decided before anything is written. Two inputs that would get the
 * same name (`a/t.xlsx` and `b/t.xlsx` into one folder) get distinct ones: the first keeps `t.检查.xlsx`,
 * the next is `t (2).检查.xlsx`, then `t (3)…`, in the order of the inputs. Names are compared without
 * case (Windows and macOS folders do not tell `T.xlsx` from `t.xlsx`).
 */
export async function outputPaths(files: string[], out: string, suffix: string): Promise<Map<string, string>> {
  const several = files.length > 1;
  const taken = new Set<string>();
  const result = new Map<string, string>();
  for (const file of files) {
    const target = await outputPathFor(file, out, several, suffix);
    let chosen = target;
    if (several || taken.size) {
      const ext = path.extname(target);
      const stem = target.slice(0, target.length - ext.length - suffix.length);
      for (let n = 2; taken.has(path.resolve(chosen).toLowerCase()); n++) chosen = `${stem} (${n})${suffix}${ext}`;
    }
    taken.add(path.resolve(chosen).toLowerCase());
    result.set(file, chosen);
  }
  return result;
}

/** Never write over an input: compare real paths. */
export async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => {
    try {
      return await fs.realpath(p);
    } catch {
      return path.resolve(p);
    }
  };
  return (await real(a)) === (await real(b));
}
