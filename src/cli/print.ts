/** Human-readable output of `jixiao check`: findings grouped by file, sheet and project. */
import { styleText } from 'node:util';
import type { Lang } from '../core/check/findings';
import type { FileReport } from '../core/check/report';
import type { ProfileChosen } from '../core/profile';
import { SEVERITY_LABEL } from '../core/check/i18n';

type Style = Parameters<typeof styleText>[0];

/** The line that says which profile the tables chose and why (when no --profile was given). */
export function profileLine(chosen: ProfileChosen, zh: boolean): string {
  return `${zh ? '审核配置' : 'Profile'}：${chosen.id}（${chosen.reason}）`;
}

export function formatFileReport(r: FileReport, lang: Lang, color: boolean): string {
  const paint = (s: Style, t: string) => (color ? styleText(s, t) : t);
  const zh = lang === 'zh-CN';
  const out: string[] = [paint('bold', r.file)];
  if (r.error) {
    out.push(`  ${paint('red', r.error)}`);
    return out.join('\n');
  }
  if (r.profileChosen) out.push(`  ${paint('dim', profileLine(r.profileChosen, zh))}`);
  for (const s of r.sheetsWithoutTable) out.push(`  ${paint('dim', `${s.sheet}：${s.reason}`)}`);
  const sheets = [...new Set(r.tables.map((t) => t.sheet))];
  for (const sheet of sheets) {
    const fs = r.findings.filter((f) => f.sheet === sheet);
    const tables = r.tables.filter((t) => t.sheet === sheet);
    const projects = tables.flatMap((t) => t.projects).length;
    out.push(`  ${paint('bold', sheet)} ${paint('dim', zh ? `（${tables.length} 张表，${projects} 个项目）` : `(${tables.length} table(s), ${projects} project(s))`)}`);
    if (fs.length === 0) {
      out.push(`    ${paint('green', zh ? '未发现问题' : 'no findings')}`);
      continue;
    }
    const groups = new Map<string, typeof fs>();
    for (const f of fs) {
      const k = f.project ?? '';
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k)!.push(f);
    }
    for (const [project, list] of groups) {
      out.push(`    ${project ? paint('cyan', project) : paint('cyan', zh ? '（表级）' : '(table)')}`);
      for (const f of list) {
        const sev = SEVERITY_LABEL[f.severity][lang];
        const tag = f.severity === 'error' ? paint('red', `✖ ${sev}`) : f.severity === 'warning' ? paint('yellow', `⚠ ${sev}`) : paint('blue', `ℹ ${sev}`);
        out.push(`      ${tag} ${f.cell.padEnd(5)} ${f.message} ${paint('dim', `[${f.id}]`)}`);
      }
    }
  }
  const s = r.summary;
  out.push(
    `  ${zh ? `合计：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示` : `Total: ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info`}`,
  );
  if (r.output) out.push(`  ${zh ? '已写出标注副本：' : 'Marked copy written to '}${r.output}`);
  return out.join('\n');
}
