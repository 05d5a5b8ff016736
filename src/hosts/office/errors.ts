/** Office.js failures → HostError with messages a user can act on (zh-CN and en-US). */
import { HostError, type CellAddress } from '../workbook-host';
import type { XlError } from './excel-api';

export function errorCode(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const x = e as XlError;
  return x.code ?? x.debugInfo?.code;
}

function detail(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && typeof (e as XlError).message === 'string') return (e as XlError).message as string;
  return String(e);
}

export function editModeError(): HostError {
  return new HostError('editMode', {
    'zh-CN': 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试；工作簿没有被改动。',
    'en-US': 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again; the workbook was not changed.',
  });
}

export function protectedError(sheet: string): HostError {
  return new HostError(
    'protected',
    {
      'zh-CN': `工作表“${sheet}”受保护，无法写入标记或公式。请在“审阅 > 撤消工作表保护”后再试；工作簿没有被改动。`,
      'en-US': `The sheet "${sheet}" is protected, so marks and formulas cannot be written. Unprotect it (Review > Unprotect Sheet) and try again; the workbook was not changed.`,
    },
    { sheet, cell: 'A1' },
  );
}

export function structureProtectedError(): HostError {
  return new HostError('protected', {
    'zh-CN': '工作簿的结构受保护，无法添加或删除“检查结果”等工作表。请在“审阅 > 保护工作簿”中取消保护后再试；工作簿没有被改动。',
    'en-US': "The workbook's structure is protected, so sheets such as 检查结果 cannot be added or removed. Unprotect it (Review > Protect Workbook) and try again; the workbook was not changed.",
  });
}

export function unsupportedError(what: string, set: string): HostError {
  return new HostError('unsupported', {
    'zh-CN': `此版本的 Excel 不支持${what}（需要 ExcelApi ${set}）。请更新 Office，或使用 Microsoft 365 / Excel 网页版；工作簿没有被改动。`,
    'en-US': `This version of Excel does not support ${what} (ExcelApi ${set} is needed). Update Office or use Microsoft 365 / Excel on the web; the workbook was not changed.`,
  });
}

export function tooLargeError(): HostError {
  return new HostError('tooLarge', {
    'zh-CN': '一次要读写的数据超过了 Excel 网页版的 5 MB 请求上限。请把表格拆成几个工作表后再试；工作簿没有被改动。',
    'en-US': "The data to read or write exceeds Excel on the web's 5 MB request limit. Split the table over several sheets and try again; the workbook was not changed.",
  });
}

export function sheetMissingError(sheet: string): HostError {
  return new HostError('failed', {
    'zh-CN': `找不到工作表“${sheet}”（可能已改名或删除）。请重新检查后再试；工作簿没有被改动。`,
    'en-US': `The sheet "${sheet}" was not found (renamed or deleted?). Run the check again; the workbook was not changed.`,
  });
}

/**
 * Maps an error from Excel (OfficeExtension.Error) to a HostError. `unchanged` says whether the
 * workbook is known to be as it was (reads, and writes that were rejected whole or rolled back).
 */
export function hostErrorFrom(e: unknown, unchanged: boolean, where?: CellAddress): HostError {
  if (e instanceof HostError) return e;
  const code = errorCode(e);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return editModeError();
    case 'AccessDenied':
      if (where?.sheet) return protectedError(where.sheet);
      return new HostError('protected', {
        'zh-CN': `工作表或工作簿受保护，Excel 拒绝了写入。请取消保护后再试。${unchanged ? '工作簿没有被改动。' : ''}`,
        'en-US': `A sheet or the workbook is protected and Excel refused the change. Unprotect it and try again.${unchanged ? ' The workbook was not changed.' : ''}`,
      });
    case 'ApiNotFound':
      return unsupportedError('所需的接口 / a needed API', '1.13+');
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return tooLargeError();
    default:
      break;
  }
  const msg = detail(e);
  const tail = unchanged
    ? { zh: '工作簿没有被改动。', en: 'The workbook was not changed.' }
    : { zh: '部分改动可能已写入，请检查工作簿或点击“清除标记”。', en: 'Some changes may have been written: check the workbook or use Clear marks.' };
  return new HostError(
    'failed',
    {
      'zh-CN': `Excel 报告错误（${code ?? '未知'}）：${msg}。${tail.zh}`,
      'en-US': `Excel reported an error (${code ?? 'unknown'}): ${msg}. ${tail.en}`,
    },
    where,
  );
}

/** Errors after which Excel did not run any action of the batch. */
export function rejectedWhole(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'InvalidOperationInCellEditMode' || code === 'RequestPayloadSizeLimitExceeded';
}
