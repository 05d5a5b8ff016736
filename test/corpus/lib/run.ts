/**
 * Measures jixiao on the corpus: each document's workbook is rebuilt, read, checked and scored, and compared
 * with its answer key. Used by `npm run corpus` (prints the figures) and test/corpus/corpus.test.ts (asserts them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readWorkbook } from '../../../src/hosts/xlsx';
import { runCheck } from '../../../src/core/check/engine';
import { runScore } from '../../../src/core/score';
import { BUILTIN_PROFILES, type Profile } from '../../../src/core/profile';
import type { Finding } from '../../../src/core/check/findings';
import type { TargetTable } from '../../../src/core/model';
import { CorpusKeySchema, type CorpusKey } from './key';
import { corpusToXlsx, type CorpusWorkbook } from './workbook';

export const CORPUS_DIR = path.resolve(__dirname, '..');

export function corpusFolders(): string[] {
  return fs
    .readdirSync(CORPUS_DIR)
    .filter((d) => fs.existsSync(path.join(CORPUS_DIR, d, 'key.json')))
    .sort();
}

export function loadKey(folder: string): CorpusKey {
  return CorpusKeySchema.parse(JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, folder, 'key.json'), 'utf8')));
}

export async function buildWorkbook(folder: string): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(CORPUS_DIR, folder, 'workbook')) as { default: CorpusWorkbook };
  return corpusToXlsx(mod.default);
}

export interface DocumentResult {
  folder: string;
  key: CorpusKey;
  /** Differences between the layout read and the key's (empty = exact). */
  layoutDiffs: string[];
  mustFind: { total: number; found: number; missed: string[] };
  /** Errors reported that the key does not list, and must-not-find findings reported (any severity). */
  falseFindings: string[];
  scores: { total: number; agree: number; diffs: string[] };
  findings: Finding[];
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < 1e-6;
}

function tableDiffs(key: CorpusKey, tables: TargetTable[]): string[] {
  const diffs: string[] = [];
  const used = new Set<TargetTable>();
  for (const kt of key.tables) {
    const onSheet = tables.filter((t) => t.sheet === kt.sheet && !used.has(t));
    // The table read whose rows hold the key's header row or first project, else the first left on the sheet.
    const first = kt.projects[0]?.first ?? kt.headerRow;
    const t = onSheet.find((x) => x.range.top <= kt.headerRow && kt.headerRow <= x.range.bottom) ?? onSheet.find((x) => x.range.top <= first && first <= x.range.bottom) ?? onSheet[0];
    if (!t) {
      diffs.push(`${kt.sheet}: no table read (key: header at row ${kt.headerRow})`);
      continue;
    }
    used.add(t);
    const where = `${kt.sheet}!${kt.headerRow}`;
    // A department (整体) table holds one entry in `projects`: the department itself, with its indicators.
    const wantKind = kt.kind === 'departmentTarget' || kt.kind === 'departmentSelfEvaluation' ? 'department' : 'project';
    if (t.kind !== wantKind) diffs.push(`${where}: read as a ${t.kind} table, key: ${wantKind} (${kt.kind})`);
    const projects = t.projects;
    const keyProjects = kt.projects;
    if (projects.length !== keyProjects.length) diffs.push(`${where}: ${projects.length} projects read, key has ${keyProjects.length}`);
    for (let i = 0; i < Math.min(projects.length, keyProjects.length); i++) {
      const p = projects[i];
      const k = keyProjects[i];
      const name = `${where} project ${i + 1}`;
      if (p.name !== k.name) diffs.push(`${name}: name 「${p.name}」, key 「${k.name}」`);
      if (!sameNumber(p.fund, k.fund)) diffs.push(`${name}: fund ${p.fund}, key ${k.fund}`);
      if (p.firstRow !== k.first || p.lastRow !== k.last) diffs.push(`${name}: rows ${p.firstRow}–${p.lastRow}, key ${k.first}–${k.last}`);
      const rows = p.indicators.map((x) => x.row);
      const extra = rows.filter((r) => !k.indicatorRows.includes(r));
      const missing = k.indicatorRows.filter((r) => !rows.includes(r));
      if (extra.length) diffs.push(`${name}: rows read as indicators that are not: ${extra.join(', ')}`);
      if (missing.length) diffs.push(`${name}: indicator rows not read: ${missing.join(', ')}`);
      if (k.framework !== null && p.framework !== null && p.framework !== k.framework) diffs.push(`${name}: framework ${p.framework}, key ${k.framework}`);
    }
  }
  return diffs;
}

export function profileFor(key: CorpusKey): Profile | undefined {
  return key.profile ? BUILTIN_PROFILES[key.profile] : undefined;
}

export async function runDocument(folder: string): Promise<DocumentResult> {
  const key = loadKey(folder);
  const bytes = await buildWorkbook(folder);
  const snapshot = await readWorkbook(bytes, `${folder}.xlsx`);
  const profile = profileFor(key) ?? BUILTIN_PROFILES.hunan;
  const check = runCheck(snapshot, profile);
  const tables = check.model.sheets.flatMap((s) => s.tables);
  const layoutDiffs = tableDiffs(key, tables);

  const at = (f: { id: string; sheet: string; row?: number }) => (x: Finding) => x.id === f.id && x.sheet === f.sheet && (f.row === undefined || x.row === f.row);
  const missed = key.mustFind.filter((f) => !check.findings.some(at(f))).map((f) => `${f.id} ${f.sheet}!${f.row}`);
  const ignored = new Set(key.truncatedIgnore);
  const falseFindings: string[] = [];
  const unassessable = (f: Finding) => key.unassessable.some((u) => u.id === f.id && u.sheet === f.sheet && u.row === f.row);
  for (const f of check.findings) {
    if (f.severity !== 'error' || ignored.has(f.id) || unassessable(f)) continue;
    if (key.mustFind.some((k) => k.id === f.id && k.sheet === f.sheet && k.row === f.row)) continue;
    falseFindings.push(`${f.id} ${f.sheet}!${f.cell}`);
  }
  for (const k of key.mustNotFind) {
    const hit = check.findings.find((x) => at(k)(x) && !ignored.has(x.id) && !unassessable(x));
    if (hit && !falseFindings.includes(`${hit.id} ${hit.sheet}!${hit.cell}`)) falseFindings.push(`${hit.id} ${hit.sheet}!${hit.cell} (must not find)`);
  }

  const scores = { total: key.scores.length, agree: 0, diffs: [] as string[] };
  if (key.scores.length) {
    const result = runScore(snapshot, profile, { overwrite: true });
    for (const s of key.scores) {
      const want = s.byRule ?? s.stated;
      const got =
        result.projects.flatMap((p) => p.indicators).find((i) => i.sheet === s.sheet && i.row === s.row)?.score ??
        result.projects.map((p) => p.budgetExecution).find((b) => b && b.sheet === s.sheet && b.row === s.row)?.score ??
        null;
      if (got !== null && Math.abs(got - want) < 0.005) scores.agree++;
      else scores.diffs.push(`${s.sheet}!${s.row}: ${got ?? '—'} (key ${want})`);
    }
  }
  return {
    folder,
    key,
    layoutDiffs,
    mustFind: { total: key.mustFind.length, found: key.mustFind.length - missed.length, missed },
    falseFindings,
    scores,
    findings: check.findings,
  };
}

export async function runCorpus(folders = corpusFolders()): Promise<DocumentResult[]> {
  const out: DocumentResult[] = [];
  for (const f of folders) out.push(await runDocument(f));
  return out;
}
