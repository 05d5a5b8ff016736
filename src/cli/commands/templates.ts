/** `jixiao templates [--json] [--under 二级] [--templates FILE] [--lang zh-CN|en-US]`: the indicator template library. */
import { promises as fs } from 'node:fs';
import { styleText } from 'node:util';
import type { Lang } from '../../core/check/findings';
import { isLang } from '../../core/check/i18n';
import { STANDARD_SUBCATEGORIES, SUBCATEGORY_KEYS } from '../../core/domain/framework';
import type { SubcategoryKey } from '../../core/model';
import { DEFAULT_LIBRARY, listTemplates, loadTemplateLibrary, TemplateLibraryError } from '../../core/edit/templates/library';
import type { TemplateLibrary } from '../../core/edit/templates/schema';
import { resolveSubcategory } from '../../core/edit/insert';
import { OpsError } from '../../core/edit/context';
import { UsageError } from '../profile';
import { EXIT, defaultIo, type Io } from '../common';

export const TEMPLATES_REPORT_VERSION = '1';

export interface TemplatesOpts {
  json?: boolean;
  under?: string;
  templates?: string;
  lang: string;
}

/** --templates FILE: the default library extended by a user's JSON file (checked). */
export async function loadLibraryOption(file: string | undefined): Promise<TemplateLibrary> {
  if (!file) return DEFAULT_LIBRARY;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UsageError(`模板文件不可读：${file} / cannot read the template file ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`模板文件 ${file} 不是有效的 JSON / template file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return loadTemplateLibrary(json, file);
  } catch (e) {
    if (e instanceof TemplateLibraryError) throw new UsageError(`模板文件无效 / invalid template file: ${e.message}`);
    throw e;
  }
}

/** A 二级 option (key, standard name or a word of it). */
export function subcategoryOption(s: string): SubcategoryKey {
  try {
    return resolveSubcategory(s);
  } catch (e) {
    if (e instanceof OpsError) throw new UsageError(e.message);
    throw e;
  }
}

export async function runTemplatesCommand(opts: TemplatesOpts, io: Io = defaultIo()): Promise<number> {
  if (!isLang(opts.lang)) throw new UsageError('--lang 只能是 zh-CN 或 en-US / --lang must be zh-CN or en-US');
  const lang: Lang = opts.lang;
  const library = await loadLibraryOption(opts.templates);
  const under = opts.under ? subcategoryOption(opts.under) : undefined;
  const list = listTemplates(library, { subcategory: under, lang });
  if (opts.json) {
    io.stdout(JSON.stringify({ version: TEMPLATES_REPORT_VERSION, lang, templates: list }, null, 2) + '\n');
    return EXIT.ok;
  }
  const zh = lang === 'zh-CN';
  const paint = (s: Parameters<typeof styleText>[0], t: string) => (io.color ? styleText(s, t) : t);
  const out: string[] = [];
  for (const key of SUBCATEGORY_KEYS) {
    // Each template under its first 二级; with --under, every template of that 二级 under it.
    const here = under !== undefined ? (key === under ? list : []) : list.filter((t) => t.subcategories[0] === key);
    if (here.length === 0) continue;
    out.push(paint('bold', `${STANDARD_SUBCATEGORIES[key]} (${key})`));
    for (const t of here) {
      out.push(`  ${paint('cyan', t.id)}${t.default ? paint('green', zh ? '（默认）' : ' (default)') : ''}  ${t.label}`);
      const also = t.subcategories.filter((k) => k !== key);
      if (also.length) out.push(`    ${paint('dim', `${zh ? '也可用于' : 'also for'}: ${also.map((k) => STANDARD_SUBCATEGORIES[k]).join(zh ? '、' : ', ')}`)}`);
      out.push(`    ${zh ? '示例' : 'e.g.'}: ${t.example.name} | ${t.example.target}${t.example.unit && !String(t.example.target).endsWith(t.example.unit) && t.example.unit !== '无' ? ` ${t.example.unit}` : ''} | ${t.example.rule}`);
      if (t.params.length) {
        const ps = t.params.map((p) => `${p.name}=${p.default !== undefined ? p.default : zh ? '（须填）' : '(required)'}`);
        out.push(`    ${paint('dim', `${zh ? '参数' : 'params'}: ${ps.join('  ')}`)}`);
      }
    }
  }
  out.push(paint('dim', zh ? `共 ${list.length} 个模板。插入：jixiao insert 文件 --project 项目 --under 二级 --template 模板 --out 输出` : `${list.length} templates. Insert one: jixiao insert FILE --project NAME --under 二级 --template ID --out PATH`));
  io.stdout(out.join('\n') + '\n');
  return EXIT.ok;
}
