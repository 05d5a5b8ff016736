/**
 * `jixiao insert FILE --out PATH` with one of:
 *   --project NAME --under 二级 [--template ID] [--set NAME=VALUE]... [--weight N]
 *        an indicator from a template under the 二级 (created with its 一级 when missing);
 *        without --template, the missing 二级 row alone;
 *   --new-project NAME [--after NAME] [--code C] [--fund N] [--goal TEXT] [--with-indicators]
 *        a whole project: one row per 二级 of the profile's framework;
 *   --score-columns
 *        the 实际完成值 and 得分 columns right of the table.
 * Common: [--sheet NAME] [--profile NAME|FILE] [--templates FILE] [--json] [--lang].
 * Exit: 0 done, 1 refused (nothing written), 2 unreadable input.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { styleText } from 'node:util';
import type { Lang } from '../../core/check/findings';
import { isLang } from '../../core/check/i18n';
import { readWorkbookModel } from '../../core/layout/read';
import type { WorkbookModel } from '../../core/model';
import { createOpsContext, OpsError } from '../../core/edit/context';
import { planAddScoreColumns, planInsertProject, planInsertSubcategory, planInsertTemplate } from '../../core/edit/insert';
import type { OpNote, OpsResult } from '../../core/edit/planner';
import { readWorkbook } from '../../hosts/xlsx/read';
import { applyPlanToXlsx } from '../../hosts/xlsx/write';
import { readFailure, readInput, samePath } from '../inputs';
import { loadNamedProfile, UsageError } from '../profile';
import { resolveProfile } from '../../core/profile';
import { workbookContext } from '../../core/workbook';
import { EXIT, defaultIo, type Io } from '../common';
import { loadLibraryOption, subcategoryOption } from './templates';

export const INSERT_REPORT_VERSION = '1';

export interface InsertOpts {
  out: string;
  project?: string;
  under?: string;
  template?: string;
  set?: string[];
  weight?: string;
  newProject?: string;
  after?: string;
  code?: string;
  fund?: string;
  goal?: string;
  withIndicators?: boolean;
  scoreColumns?: boolean;
  sheet?: string;
  profile?: string;
  templates?: string;
  json?: boolean;
  lang: string;
}

/** commander collector for a repeated option. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function number(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`${name} 应为数值：${v} / ${name} must be a number: ${v}`);
  return n;
}

function counts(model: WorkbookModel): { projects: number; indicators: number } {
  const projects = model.sheets.flatMap((s) => s.tables.flatMap((t) => t.projects));
  return { projects: projects.length, indicators: projects.reduce((n, p) => n + p.indicators.filter((i) => i.name).length, 0) };
}

export async function runInsertCommand(file: string, opts: InsertOpts, io: Io = defaultIo()): Promise<number> {
  if (!isLang(opts.lang)) throw new UsageError('--lang 只能是 zh-CN 或 en-US / --lang must be zh-CN or en-US');
  const lang: Lang = opts.lang;
  const zh = lang === 'zh-CN';
  const modes = [opts.project !== undefined || opts.under !== undefined || opts.template !== undefined, opts.newProject !== undefined, Boolean(opts.scoreColumns)].filter(Boolean).length;
  if (modes !== 1) {
    throw new UsageError(
      '请选择一种插入：--project 项目 --under 二级 [--template 模板]、--new-project 名称 或 --score-columns / choose one: --project NAME --under 二级 [--template ID], --new-project NAME or --score-columns',
    );
  }
  if ((opts.project === undefined) !== (opts.under === undefined) && opts.newProject === undefined && !opts.scoreColumns) {
    throw new UsageError('--project 与 --under 须一起使用 / --project and --under go together');
  }
  const values: Record<string, string> = {};
  for (const kv of opts.set ?? []) {
    const i = kv.indexOf('=');
    if (i <= 0) throw new UsageError(`--set 应为 名称=值：${kv} / --set takes NAME=VALUE: ${kv}`);
    values[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
  }
  const weight = number('--weight', opts.weight);
  const fund = number('--fund', opts.fund);
  const under = opts.under !== undefined ? subcategoryOption(opts.under) : undefined;
  const named = await loadNamedProfile(opts.profile);
  const library = await loadLibraryOption(opts.templates);
  if (await samePath(opts.out, file)) throw new UsageError(zh ? `--out 不能覆盖输入文件 ${file}` : `--out would overwrite the input ${file}`);

  let input: Buffer;
  let snapshot;
  try {
    ({ bytes: input, snapshot } = await readInput(file));
  } catch (e) {
    const message = readFailure(file, e);
    if (opts.json) io.stdout(JSON.stringify({ version: INSERT_REPORT_VERSION, file, error: message }, null, 2) + '\n');
    else io.stderr(`jixiao: ${message}\n`);
    return EXIT.unreadable;
  }
  const context = workbookContext(snapshot);
  const { profile } = resolveProfile(named, context.model);
  const ctx = createOpsContext(context, { profile, library });
  let result: OpsResult;
  try {
    if (opts.scoreColumns) result = planAddScoreColumns(ctx, { sheet: opts.sheet });
    else if (opts.newProject !== undefined)
      result = planInsertProject(ctx, { sheet: opts.sheet, after: opts.after, name: opts.newProject, code: opts.code, fund, goal: opts.goal, withIndicators: opts.withIndicators });
    else if (opts.template !== undefined) result = planInsertTemplate(ctx, { sheet: opts.sheet, project: opts.project!, subcategory: under!, template: opts.template, values, weight });
    else result = planInsertSubcategory(ctx, { sheet: opts.sheet, project: opts.project!, subcategory: under!, values, weight });
  } catch (e) {
    if (!(e instanceof OpsError)) throw e;
    result = { plan: { ops: [] }, done: [], refused: [{ message: e.messages, ...(e.where ?? {}) }], warnings: [], shifts: [], inserted: [] };
  }

  const refused = result.refused.length > 0;
  let after: ReturnType<typeof counts> | null = null;
  if (!refused) {
    const output = result.plan.ops.length ? await applyPlanToXlsx(input, result.plan) : new Uint8Array(input);
    await fs.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
    await fs.writeFile(opts.out, output);
    after = counts(readWorkbookModel(await readWorkbook(output, opts.out)));
  }
  const before = counts(ctx.model);
  const note = (n: OpNote) => ({ message: n.message[lang], ...(n.sheet ? { sheet: n.sheet } : {}), ...(n.cell ? { cell: n.cell } : {}) });
  if (opts.json) {
    io.stdout(
      JSON.stringify(
        {
          version: INSERT_REPORT_VERSION,
          file,
          output: refused ? null : opts.out,
          done: result.done.map(note),
          refused: result.refused.map(note),
          warnings: result.warnings.map(note),
          inserted: result.inserted,
          before,
          after,
        },
        null,
        2,
      ) + '\n',
    );
    return refused ? EXIT.findings : EXIT.ok;
  }
  const paint = (s: Parameters<typeof styleText>[0], t: string) => (io.color ? styleText(s, t) : t);
  const out: string[] = [paint('bold', refused ? file : `${file} → ${opts.out}`)];
  for (const n of result.done) out.push(`  ${paint('green', '✔')} ${n.message[lang]}`);
  for (const n of result.warnings) out.push(`  ${paint('yellow', '⚠')} ${n.message[lang]}`);
  for (const n of result.refused) out.push(`  ${paint('red', '✖')} ${n.message[lang]}`);
  if (refused) out.push(`  ${zh ? '未写出文件' : 'nothing written'}`);
  else if (after) out.push(`  ${paint('dim', zh ? `复读：${after.projects} 个项目，${after.indicators} 个三级指标（插入前 ${before.indicators} 个）` : `re-read: ${after.projects} project(s), ${after.indicators} indicator(s) (${before.indicators} before)`)}`);
  io.stdout(out.join('\n') + '\n');
  return refused ? EXIT.findings : EXIT.ok;
}
