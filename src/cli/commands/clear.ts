/**
 * `jixiao clear FILE --out PATH [--json] [--lang zh-CN|en-US]`
 *
 * Writes a copy of FILE without jixiao's marks: every cell jixiao marked or noted (as the ledger in the
 * workbook records it) gets its format and note back, the sheets jixiao added (检查结果) are removed, and
 * so is the ledger. Cells the user changed since are left as they are. The ledger is the add-in's too, so
 * a workbook marked in Excel clears here. Exit: 0 done; 2 unreadable input or a bad option.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { styleText } from 'node:util';
import type { Lang } from '../../core/check/findings';
import { isLang } from '../../core/check/i18n';
import { clearXlsx, type XlsxClearReport } from '../../hosts/xlsx/clear';
import { readWorkbookBytes } from '../../hosts/xlsx/read';
import { outputPathFor, readFailure, samePath } from '../inputs';
import { UsageError } from '../profile';
import { EXIT, defaultIo, type Io } from '../common';

export const CLEAR_REPORT_VERSION = '1';

export interface ClearOpts {
  out: string;
  json?: boolean;
  lang: string;
}

export async function runClearCommand(file: string, opts: ClearOpts, io: Io = defaultIo()): Promise<number> {
  if (!isLang(opts.lang)) throw new UsageError('--lang 只能是 zh-CN 或 en-US / --lang must be zh-CN or en-US');
  const lang: Lang = opts.lang;
  const zh = lang === 'zh-CN';
  const target = await outputPathFor(file, opts.out, false, '');
  if (await samePath(target, file)) throw new UsageError(zh ? `--out 不能覆盖输入文件 ${file}` : `--out would overwrite the input ${file}`);

  let result: { bytes: Uint8Array; report: XlsxClearReport };
  try {
    result = clearXlsx(new Uint8Array(await readWorkbookBytes(file)));
  } catch (e) {
    const message = readFailure(file, e);
    if (opts.json) io.stdout(JSON.stringify({ version: CLEAR_REPORT_VERSION, file, error: message }, null, 2) + '\n');
    else io.stderr(`jixiao: ${message}\n`);
    return EXIT.unreadable;
  }
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  await fs.writeFile(target, result.bytes);
  const r = result.report;
  if (opts.json) {
    io.stdout(JSON.stringify({ version: CLEAR_REPORT_VERSION, file, output: target, cleared: r.cleared, skipped: r.skipped, sheetsRemoved: r.sheetsRemoved }, null, 2) + '\n');
    return EXIT.ok;
  }
  const paint = (s: Parameters<typeof styleText>[0], t: string) => (io.color ? styleText(s, t) : t);
  const out = [paint('bold', `${file} → ${target}`)];
  out.push(zh ? `  已清除 ${r.cleared} 个单元格的标记` : `  Marks cleared from ${r.cleared} cell(s)`);
  if (r.skipped) out.push(paint('yellow', zh ? `  ${r.skipped} 个单元格在标记后已被修改，保持原样` : `  ${r.skipped} cell(s) changed since they were marked: left as they are`));
  if (r.sheetsRemoved.length) out.push(zh ? `  已删除 jixiao 添加的工作表：${r.sheetsRemoved.join('、')}` : `  Removed the sheets jixiao added: ${r.sheetsRemoved.join(', ')}`);
  io.stdout(out.join('\n') + '\n');
  return EXIT.ok;
}
