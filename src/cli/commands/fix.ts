/**
 * `jixiao fix FILE --out PATH [--only ID,...] [--unsafe] [--json] [--profile NAME|FILE] [--lang] [--templates FILE]`
 *
 * Checks FILE, applies the fixes its findings carry — by default the safe ones (they only add rows or a
 * missing indicator from its template, or move a value into an empty cell); `--only` selects by rule id
 * or fix id, unsafe ones included — writes the result to PATH (never to FILE), checks the result again
 * and reports what it did. Exit: 0 done, 1 a fix was refused or its finding is still reported, 2 unreadable.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { styleText } from 'node:util';
import { runCheck } from '../../core/check/engine';
import type { Finding, Lang, Messages } from '../../core/check/findings';
import { isLang, SEVERITY_LABEL } from '../../core/check/i18n';
import { RULES_BY_ID } from '../../core/check/rules';
import { createOpsContext } from '../../core/edit/context';
import { FIX_IDS } from '../../core/edit/fixes/descriptors';
import { planFixes, selects, type FixOutcome } from '../../core/edit/fixes/plan';
import type { OpNote } from '../../core/edit/planner';
import { readWorkbook } from '../../hosts/xlsx/read';
import { applyPlanToXlsx } from '../../hosts/xlsx/write';
import { readFailure, readInput, samePath } from '../inputs';
import { loadNamedProfile, UsageError } from '../profile';
import { resolveProfile } from '../../core/profile';
import { workbookContext } from '../../core/workbook';
import { EXIT, defaultIo, type Io } from '../common';
import { loadLibraryOption } from './templates';

export const FIX_REPORT_VERSION = '1';

export interface FixOpts {
  out: string;
  only?: string;
  unsafe?: boolean;
  json?: boolean;
  profile?: string;
  lang: string;
  templates?: string;
}

interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

function summary(findings: Finding[]): Summary {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}

/** A finding and its re-check counterpart are the same defect when rule, sheet, project, indicator and what is missing agree. */
function sameDefect(a: Finding, b: Finding): boolean {
  return a.id === b.id && a.sheet === b.sheet && a.project === b.project && a.indicator === b.indicator && (a.data?.missing ?? null) === (b.data?.missing ?? null);
}

export async function runFixCommand(file: string, opts: FixOpts, io: Io = defaultIo()): Promise<number> {
  if (!isLang(opts.lang)) throw new UsageError('--lang 只能是 zh-CN 或 en-US / --lang must be zh-CN or en-US');
  const lang: Lang = opts.lang;
  const zh = lang === 'zh-CN';
  const named = await loadNamedProfile(opts.profile);
  const library = await loadLibraryOption(opts.templates);
  const only = opts.only
    ? opts.only
        .split(/[,，\s]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  for (const id of only ?? []) {
    if (!RULES_BY_ID[id] && !(FIX_IDS as readonly string[]).includes(id)) {
      throw new UsageError(`--only：未知的规则或修复「${id}」（修复：${FIX_IDS.join('、')}）/ --only: unknown rule or fix "${id}" (fixes: ${FIX_IDS.join(', ')})`);
    }
  }
  if (await samePath(opts.out, file)) throw new UsageError(zh ? `--out 不能覆盖输入文件 ${file}` : `--out would overwrite the input ${file}`);

  let input: Buffer;
  let snapshot;
  try {
    ({ bytes: input, snapshot } = await readInput(file));
  } catch (e) {
    const message = readFailure(file, e);
    if (opts.json) io.stdout(JSON.stringify({ version: FIX_REPORT_VERSION, file, error: message }, null, 2) + '\n');
    else io.stderr(`jixiao: ${message}\n`);
    return EXIT.unreadable;
  }
  const context = workbookContext(snapshot);
  const { profile } = resolveProfile(named, context.model);
  const before = runCheck(context, profile);
  const ctx = createOpsContext(before.context, { profile, library });
  const result = planFixes(ctx, before.findings, { only, unsafe: opts.unsafe });

  const output = result.plan.ops.length ? await applyPlanToXlsx(input, result.plan) : new Uint8Array(input);
  await fs.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
  await fs.writeFile(opts.out, output);

  // Check the written file again: the fixed findings must be gone.
  const after = runCheck(await readWorkbook(output, opts.out), profile);
  const resolved = new Map<FixOutcome, boolean>();
  for (const o of result.outcomes) if (o.status === 'applied') resolved.set(o, !after.findings.some((f) => sameDefect(f, o.finding)));
  const refused = result.outcomes.filter((o) => o.status === 'refused');
  const unresolved = [...resolved].filter(([, ok]) => !ok).map(([o]) => o);
  const exit = refused.length || unresolved.length ? EXIT.findings : EXIT.ok;

  const note = (n: OpNote) => ({ message: n.message[lang], ...(n.sheet ? { sheet: n.sheet } : {}), ...(n.cell ? { cell: n.cell } : {}) });
  if (opts.json) {
    const doc = {
      version: FIX_REPORT_VERSION,
      file,
      output: opts.out,
      profile: profile.id,
      lang,
      fixes: result.outcomes.map((o) => ({
        rule: o.finding.id,
        fix: o.fix.id,
        safe: o.fix.safe,
        selected: selects({ only, unsafe: opts.unsafe }, o.finding),
        status: o.status,
        ...(o.status === 'applied' ? { resolved: resolved.get(o) ?? false } : {}),
        sheet: o.finding.sheet,
        cell: o.finding.cell,
        project: o.finding.project,
        indicator: o.finding.indicator,
        finding: o.finding.message[lang],
        label: o.fix.label[lang],
        notes: o.notes.map(note),
      })),
      warnings: result.warnings.map(note),
      inserted: result.inserted,
      before: summary(before.findings),
      after: summary(after.findings),
    };
    io.stdout(JSON.stringify(doc, null, 2) + '\n');
    return exit;
  }

  const paint = (s: Parameters<typeof styleText>[0], t: string) => (io.color ? styleText(s, t) : t);
  const out: string[] = [paint('bold', `${file} → ${opts.out}`)];
  const line = (o: FixOutcome) => `${o.finding.sheet}!${o.finding.cell} ${o.fix.label[lang]} ${paint('dim', `[${o.finding.id} · ${o.fix.id}]`)}`;
  const notes = (ns: OpNote[]) => ns.map((n) => `        ${paint('dim', n.message[lang])}`);
  const applied = result.outcomes.filter((o) => o.status === 'applied');
  const skipped = result.outcomes.filter((o) => o.status === 'skipped');
  if (result.outcomes.length === 0) out.push(`  ${zh ? '没有可自动修复的问题' : 'nothing jixiao can fix'}`);
  if (applied.length) {
    out.push(`  ${paint('green', zh ? `已修复（${applied.length}）` : `Fixed (${applied.length})`)}`);
    for (const o of applied) {
      const ok = resolved.get(o);
      out.push(`    ${ok ? paint('green', '✔') : paint('yellow', '⚠')} ${line(o)}${ok ? '' : paint('yellow', zh ? '（复查仍报告此问题）' : ' (still reported by the re-check)')}`);
      out.push(...notes(o.notes));
    }
  }
  if (refused.length) {
    out.push(`  ${paint('red', zh ? `未能修复（${refused.length}）` : `Refused (${refused.length})`)}`);
    for (const o of refused) {
      out.push(`    ${paint('red', '✖')} ${line(o)}`);
      out.push(...notes(o.notes));
    }
  }
  const unsafeSkipped = skipped.filter((o) => !o.fix.safe);
  const notAsked = skipped.filter((o) => o.fix.safe);
  if (unsafeSkipped.length) {
    out.push(`  ${paint('dim', zh ? `未执行（${unsafeSkipped.length}）：会改写已填内容，用 --only 规则或修复 或 --unsafe 执行` : `Not applied (${unsafeSkipped.length}): they replace what was typed; use --only RULE|FIX or --unsafe`)}`);
    for (const o of unsafeSkipped) out.push(`    · ${line(o)}`);
  }
  if (notAsked.length) {
    out.push(`  ${paint('dim', zh ? `未选择（${notAsked.length}）：不在 --only 中` : `Not selected (${notAsked.length}): not in --only`)}`);
    for (const o of notAsked) out.push(`    · ${line(o)}`);
  }
  for (const w of result.warnings) out.push(`  ${paint('yellow', `⚠ ${w.message[lang]}`)}`);
  const b = summary(before.findings);
  const a = summary(after.findings);
  const fmtSummary = (s: Summary) => (zh ? `${s.errors} 个${SEVERITY_LABEL.error[lang]}，${s.warnings} 个${SEVERITY_LABEL.warning[lang]}，${s.infos} 个${SEVERITY_LABEL.info[lang]}` : `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info`);
  out.push(`  ${zh ? `复查：修复前 ${fmtSummary(b)}；修复后 ${fmtSummary(a)}` : `Re-check: before ${fmtSummary(b)}; after ${fmtSummary(a)}`}`);
  io.stdout(out.join('\n') + '\n');
  return exit;
}

export type { Messages };
