/**
 * Recalculating a workbook with LibreOffice (headless), as an independent check of the formulas jixiao
 * writes. LibreOffice does not recalculate .xlsx files on load by default; each run uses a fresh user
 * profile whose registrymodifications.xcu sets Calc's OOXMLRecalcMode (and ODFRecalcMode) to 0,
 * "always recalculate", then converts the file (`--convert-to xlsx`): the copy holds LibreOffice's results.
 *
 * CI installs LibreOffice (.ci/run: libreoffice-calc-nogui). Locally the tests that need it are skipped
 * with a message when soffice is missing; with CI set, a missing soffice fails them.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const run = promisify(execFile);

const CANDIDATES = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice', '/opt/libreoffice/program/soffice', '/usr/lib/libreoffice/program/soffice'];

/** The soffice binary, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  if (process.env.SOFFICE && existsSync(process.env.SOFFICE)) return process.env.SOFFICE;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = path.join(dir, name);
      if (dir && existsSync(p)) return p;
    }
  }
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * How tests treat a missing LibreOffice: skip with a message locally, fail in CI (CI installs it).
 * Returns the soffice path, or null to skip.
 */
export function sofficeForTests(): string | null {
  const soffice = findSoffice();
  if (soffice) return soffice;
  if (process.env.CI) throw new Error('LibreOffice (soffice) is missing in CI: .ci/run must install libreoffice-calc-nogui');
  console.warn('LibreOffice (soffice) not found: skipping the LibreOffice recalculation tests (CI runs them). Install libreoffice-calc-nogui to run them here.');
  return null;
}

/**
 * `describe` for tests that need LibreOffice: where soffice is missing (locally; `sofficeForTests` has
 * already failed in CI) the block is `describe.skip` under a name that says so, and the run reports its
 * tests as skipped, not as passed.
 */
export function describeWithLibreOffice(soffice: string | null, name: string, fn: () => void): void {
  if (soffice) describe(name, fn);
  else describe.skip(`${name} (skipped: LibreOffice (soffice) is missing)`, fn);
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens `input` in LibreOffice with recalculation on load and saves it as `format` into `outDir`;
 * returns the path written. A fresh profile per call, removed afterwards.
 */
export async function recalculate(soffice: string, input: string, outDir: string, format: 'xlsx' | 'csv' = 'xlsx'): Promise<string> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-lo-profile-'));
  try {
    await fs.mkdir(path.join(profile, 'user'), { recursive: true });
    await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    await fs.mkdir(outDir, { recursive: true });
    const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nologo', '--nodefault', '--convert-to', format, '--outdir', outDir, input];
    await run(soffice, args, { timeout: 180_000, env: { ...process.env, HOME: profile } });
    const out = path.join(outDir, `${path.basename(input).replace(/\.[^.]+$/, '')}.${format}`);
    await fs.access(out);
    return out;
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
}
