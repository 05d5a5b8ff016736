/** `jixiao check FILE... [--json] [--out PATH] [--profile NAME|FILE] [--lang zh-CN|en-US]` */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { runCheck, checkPlan } from '../../core/check/engine';
import { fileReport, REPORT_VERSION, type CheckReport, type FileReport } from '../../core/check/report';
import type { Lang } from '../../core/check/findings';
import { isLang } from '../../core/check/i18n';
import { applyPlanToXlsx } from '../../hosts/xlsx/write';
import { expandInputs, outputPaths, readFailure, readInput, samePath } from '../inputs';
import { loadNamedProfile, runProfileId, UsageError } from '../profile';
import { profileChosen, resolveProfile } from '../../core/profile';
import { workbookContext } from '../../core/workbook';
import { formatFileReport } from '../print';
import { EXIT, defaultIo, unreadable } from '../common';

export interface CheckOpts {
  json?: boolean;
  out?: string;
  profile?: string;
  lang: string;
}

export async function runCheckCommand(inputs: string[], opts: CheckOpts, io = defaultIo()): Promise<number> {
  if (!isLang(opts.lang)) throw new UsageError(`--lang 只能是 zh-CN 或 en-US / --lang must be zh-CN or en-US`);
  const lang: Lang = opts.lang;
  const named = await loadNamedProfile(opts.profile);
  const chosen: string[] = [];
  const { files, missing } = await expandInputs(inputs);
  const reports: FileReport[] = [];
  let exit: number = EXIT.ok;
  for (const m of missing) {
    const report = unreadable(m, lang === 'zh-CN' ? `找不到文件或目录：${m}` : `no such file or directory: ${m}`);
    reports.push(report);
    if (!opts.json) io.stdout(formatFileReport(report, lang, io.color) + '\n');
    exit = EXIT.unreadable;
  }
  if (files.length === 0 && missing.length === 0) throw new UsageError(lang === 'zh-CN' ? '没有找到 .xlsx 文件' : 'no .xlsx file found');

  // Every output name is decided (and checked against every input) before anything is written.
  const targets = opts.out ? await outputPaths(files, opts.out, '.检查') : new Map<string, string>();
  for (const target of targets.values()) {
    for (const file of files) {
      if (await samePath(target, file)) throw new UsageError(lang === 'zh-CN' ? `--out 不能覆盖输入文件 ${file}` : `--out would overwrite the input ${file}`);
    }
  }

  const bar = io.progress && files.length > 1 ? new SingleBar({ format: ' {bar} {value}/{total} {file}', hideCursor: true, stream: process.stderr }, Presets.shades_classic) : null;
  bar?.start(files.length, 0, { file: '' });
  for (const file of files) {
    bar?.update({ file: path.basename(file) });
    let report: FileReport;
    try {
      const { bytes, snapshot } = await readInput(file);
      const context = workbookContext(snapshot);
      const { profile, choice } = resolveProfile(named, context.model);
      chosen.push(profile.id);
      const result = runCheck(context, profile);
      report = fileReport(file, result, lang);
      if (choice) report.profileChosen = profileChosen(choice, lang);
      const target = targets.get(file);
      if (target) {
        // A marked copy checked again: its earlier marks are restored first, so none of them stays stale.
        const output = await applyPlanToXlsx(bytes, checkPlan(result, lang), { replaceMarks: true });
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, output);
        report.output = target;
      }
      if (report.summary.errors > 0 && exit === EXIT.ok) exit = EXIT.findings;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      report = unreadable(file, readFailure(file, e));
      exit = EXIT.unreadable;
    }
    reports.push(report);
    bar?.increment();
    if (!opts.json) io.stdout(formatFileReport(report, lang, io.color) + '\n');
  }
  bar?.stop();
  if (opts.json) {
    const doc: CheckReport = { version: REPORT_VERSION, profile: runProfileId(named, chosen), lang, files: reports };
    io.stdout(JSON.stringify(doc, null, 2) + '\n');
  }
  return exit;
}

