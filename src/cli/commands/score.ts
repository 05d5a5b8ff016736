/** `jixiao score FILE... --out PATH [--json] [--profile NAME|FILE] [--overwrite] [--add-actual] [--lang zh-CN|en-US]` */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { styleText } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import type { Lang } from '../../core/check/findings';
import { isLang } from '../../core/check/i18n';
import { runScore, scorePlan, scoreFileReport, SCORE_REPORT_VERSION, type ScoreFileReport, type ScoreReport } from '../../core/score';
import { applyPlanToXlsx } from '../../hosts/xlsx/write';
import { expandInputs, outputPaths, readFailure, readInput, samePath } from '../inputs';
import { loadNamedProfile, runProfileId, UsageError } from '../profile';
import { profileChosen, resolveProfile } from '../../core/profile';
import { profileLine } from '../print';
import { workbookContext } from '../../core/workbook';
import { EXIT, defaultIo } from '../common';

export interface ScoreOpts {
  json?: boolean;
  out?: string;
  profile?: string;
  overwrite?: boolean;
  addActual?: boolean;
  lang: string;
}

function unreadableScore(file: string, message: string): ScoreFileReport {
  return { file, error: message, projects: [], addedColumns: [], findings: [], summary: { indicators: 0, scored: 0, needsReview: 0, kept: 0 } };
}

export async function runScoreCommand(inputs: string[], opts: ScoreOpts, io = defaultIo()): Promise<number> {
  if (!isLang(opts.lang)) throw new UsageError(`--lang 只能是 zh-CN 或 en-US / --lang must be zh-CN or en-US`);
  const lang: Lang = opts.lang;
  const zh = lang === 'zh-CN';
  if (!opts.out) throw new UsageError(zh ? 'score 需要 --out（评分副本写到哪里；从不改写输入文件）' : 'score needs --out (where the scored copy goes; the input is never changed)');
  const named = await loadNamedProfile(opts.profile);
  const chosen: string[] = [];
  const { files, missing } = await expandInputs(inputs);
  if (files.length === 0 && missing.length === 0) throw new UsageError(zh ? '没有找到 .xlsx 文件' : 'no .xlsx file found');
  const reports: ScoreFileReport[] = [];
  let exit: number = EXIT.ok;
  for (const m of missing) {
    const report = unreadableScore(m, zh ? `找不到文件或目录：${m}` : `no such file or directory: ${m}`);
    reports.push(report);
    if (!opts.json) io.stdout(formatScoreReport(report, lang, io.color) + '\n');
    exit = EXIT.unreadable;
  }
  // Every output name is decided (and checked against every input) before anything is written.
  const targets = await outputPaths(files, opts.out, '.评分');
  for (const target of targets.values()) {
    for (const file of files) {
      if (await samePath(target, file)) throw new UsageError(zh ? `--out 不能覆盖输入文件 ${file}` : `--out would overwrite the input ${file}`);
    }
  }
  const bar = io.progress && files.length > 1 ? new SingleBar({ format: ' {bar} {value}/{total} {file}', hideCursor: true, stream: process.stderr }, Presets.shades_classic) : null;
  bar?.start(files.length, 0, { file: '' });
  for (const file of files) {
    bar?.update({ file: path.basename(file) });
    let report: ScoreFileReport;
    try {
      const target = targets.get(file) as string;
      const { bytes, snapshot } = await readInput(file);
      const context = workbookContext(snapshot);
      const { profile, choice } = resolveProfile(named, context.model);
      chosen.push(profile.id);
      const result = runScore(context, profile, { overwrite: opts.overwrite, addActual: opts.addActual });
      report = scoreFileReport(file, result, lang);
      if (choice) report.profileChosen = profileChosen(choice, lang);
      // A marked or scored copy scored again: jixiao's earlier marks and notes are restored first (notes never stack).
      const output = await applyPlanToXlsx(bytes, scorePlan(result, lang), { replaceMarks: true });
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, output);
      report.output = target;
      const needs = report.summary.needsReview > 0 || report.findings.some((f) => f.severity === 'error');
      if (needs && exit === EXIT.ok) exit = EXIT.findings;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      report = unreadableScore(file, readFailure(file, e));
      exit = EXIT.unreadable;
    }
    reports.push(report);
    bar?.increment();
    if (!opts.json) io.stdout(formatScoreReport(report, lang, io.color) + '\n');
  }
  bar?.stop();
  if (opts.json) {
    const doc: ScoreReport = { version: SCORE_REPORT_VERSION, profile: runProfileId(named, chosen), lang, files: reports };
    io.stdout(JSON.stringify(doc, null, 2) + '\n');
  }
  return exit;
}

type Style = Parameters<typeof styleText>[0];

/** Text output: by file, then project (total and grade), one line per indicator with its explanation. */
export function formatScoreReport(r: ScoreFileReport, lang: Lang, color: boolean): string {
  const paint = (s: Style, t: string) => (color ? styleText(s, t) : t);
  const zh = lang === 'zh-CN';
  const out: string[] = [paint('bold', r.file)];
  if (r.error) {
    out.push(`  ${paint('red', r.error)}`);
    return out.join('\n');
  }
  if (r.profileChosen) out.push(`  ${paint('dim', profileLine(r.profileChosen, zh))}`);
  for (const f of r.findings.filter((x) => x.indicator === null)) out.push(`  ${paint(f.severity === 'error' ? 'red' : 'yellow', `${f.sheet}!${f.cell} ${f.message}`)}`);
  for (const c of r.addedColumns) out.push(`  ${paint('dim', zh ? `${c.sheet}：新增「${c.role === 'actual' ? '实际完成值' : '得分'}」列 ${c.column}` : `${c.sheet}: added the ${c.role === 'actual' ? '实际完成值' : '得分'} column ${c.column}`)}`);
  for (const p of r.projects) {
    const total =
      p.total !== null
        ? zh
          ? `总分 ${p.total}（${p.grade}）`
          : `total ${p.total} (${p.grade})`
        : zh
          ? '总分待定（有指标需人工评分）'
          : 'total pending (scores need review)';
    out.push(`  ${paint('cyan', `${p.sheet} › ${p.name}`)}  ${paint('bold', total)}${p.totalCell ? paint('dim', ` @${p.totalCell}`) : ''}`);
    const lines: { cell: string; name: string; score: number | null; weight: number | null; needsReview: boolean; kept: boolean; text: string }[] = p.indicators.map((s) => ({
      cell: s.cell,
      name: s.indicator,
      score: s.score,
      weight: s.weight,
      needsReview: s.needsReview,
      kept: s.kept,
      text: s.needsReview && s.reason ? s.reason[lang] : s.explanation[lang],
    }));
    if (p.budgetExecution) {
      const b = p.budgetExecution;
      lines.push({ cell: b.cell, name: zh ? '预算执行率' : 'budget execution', score: b.score, weight: b.weight, needsReview: b.needsReview, kept: false, text: b.needsReview && b.reason ? b.reason[lang] : b.explanation[lang] });
    }
    for (const l of lines) {
      const score = l.score === null ? '—' : String(l.score);
      const of = l.weight === null ? '' : ` / ${l.weight}`;
      const tag = l.needsReview ? paint('yellow', zh ? '⚠ 需人工评分' : '⚠ needs review') : l.kept ? paint('blue', zh ? '保留原值' : 'kept') : paint('green', '✓');
      out.push(`    ${tag} ${l.cell.padEnd(5)} ${l.name}  ${paint('bold', `${score}${of}`)}`);
      out.push(`        ${paint('dim', l.text)}`);
    }
  }
  const s = r.summary;
  out.push(
    zh
      ? `  合计：${s.indicators} 个指标，${s.scored} 个已计分，${s.needsReview} 个需人工评分${s.kept ? `，${s.kept} 个保留原有得分` : ''}`
      : `  Total: ${s.indicators} indicator(s), ${s.scored} scored, ${s.needsReview} need review${s.kept ? `, ${s.kept} kept` : ''}`,
  );
  if (r.output) out.push(`  ${zh ? '已写出评分副本：' : 'Scored copy written to '}${r.output}`);
  return out.join('\n');
}
