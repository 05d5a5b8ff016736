/** Runs the built `jixiao` bin as `npx jixiao` does, for the CLI's end-to-end tests. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';

const run = promisify(execFile);
export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin', 'jixiao.js');
export { SEED } from './seed';

export async function jixiao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** SHA-256 of a file, to show an input was not modified. */
export const sha = async (p: string): Promise<string> => createHash('sha256').update(await fs.readFile(p)).digest('hex');
