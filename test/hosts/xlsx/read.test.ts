import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { readWorkbook, readWorkbookFile, WorkbookReadError, dateToIso } from '../../../src/hosts/xlsx';
import { SEED } from '../../support/seed';

const FIXTURE = SEED;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-read-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function expectReadError(p: Promise<unknown>, reason: string, ...fragments: string[]): Promise<WorkbookReadError> {
  let err: unknown;
  try {
    await p;
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(WorkbookReadError);
  const e = err as WorkbookReadError;
  expect(e.reason).toBe(reason);
  for (const f of fragments) expect(e.message).toContain(f);
  return e;
}

describe('readWorkbookFile on the sample', () => {
  test('reads both sheets with values, number formats and merges', async () => {
    const wb = await readWorkbookFile(FIXTURE);
    expect(wb.source).toBe(FIXTURE);
    expect(wb.sheets.map((s) => s.name)).toEqual(['项目支出绩效目标表', '整体支出绩效目标表']);
    const s = wb.sheets[0];
    expect(s.values).toHaveLength(39);
    expect(s.values[0][0]).toBe('项目支出绩效目标表');
    expect(s.values[0][1]).toBeNull(); // hidden cell of the merge A1:N1
    expect(s.values[4].slice(0, 4)).toEqual(['092001', '衡阳市机关事务管理局', null, 133]);
    expect(s.values[5][8]).toBe('57.6万元');
    expect(s.numberFormats).toEqual({ D5: '0.00', D6: '0.00', D17: '0.00', D29: '0.00' });
    expect(s.merges).toHaveLength(34);
    expect(s.merges[0]).toEqual({ top: 1, left: 1, bottom: 1, right: 14 });
    expect(s.merges).toContainEqual({ top: 6, left: 1, bottom: 16, right: 1 });
    expect(s.formulas).toBeUndefined();
  });
});

describe('readWorkbook value conversion', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('值');
    ws.getCell('A1').value = 12.5;
    ws.getCell('A2').value = 'text';
    ws.getCell('A3').value = true;
    ws.getCell('A4').value = new Date(Date.UTC(2024, 11, 31));
    ws.getCell('A4').numFmt = 'yyyy-mm-dd';
    ws.getCell('A5').value = new Date(Date.UTC(2024, 0, 2, 13, 45, 30));
    ws.getCell('A5').numFmt = 'yyyy-mm-dd hh:mm:ss';
    ws.getCell('A6').value = { richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] };
    ws.getCell('A7').value = { text: '链接', hyperlink: 'https://example.org' };
    ws.getCell('A8').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    ws.getCell('A9').value = { formula: 'A1*2', result: 25 };
    ws.getCell('A10').value = { formula: 'A2&"!"', result: 'text!' };
    ws.getCell('A11').value = { formula: 'A1>1', result: true };
    ws.getCell('A12').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('A13').value = { formula: 'A1+1' } as ExcelJS.CellFormulaValue;
    ws.getCell('B1').value = 1;
    ws.getCell('B2').value = 2;
    ws.getCell('C1').value = { formula: 'B1*10', result: 10, shareType: 'shared', ref: 'C1:C2' } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('C2').value = { sharedFormula: 'C1', result: 20 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('D1').value = 0.5;
    ws.getCell('D1').numFmt = '0.00%';
    ws.mergeCells('E1:F2');
    ws.getCell('E1').value = '合并';
    ws.getRow(30).height = 20; // a styled, empty row at the end
    wb.addWorksheet('空');
    bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  });

  test('plain values, dates, rich text, hyperlinks, errors and booleans', async () => {
    const s = (await readWorkbook(bytes, 'v.xlsx')).sheets[0];
    const col = s.values.map((r) => r[0]);
    expect(col.slice(0, 8)).toEqual([12.5, 'text', true, '2024-12-31', '2024-01-02T13:45:30', '富文本', '链接', '#DIV/0!']);
  });

  test('formula cells give their cached result and their formula', async () => {
    const s = (await readWorkbook(bytes, 'v.xlsx')).sheets[0];
    const col = s.values.map((r) => r[0]);
    expect(col.slice(8, 13)).toEqual([25, 'text!', true, '#DIV/0!', null]);
    expect(s.values[0][2]).toBe(10);
    expect(s.values[1][2]).toBe(20);
    expect(s.formulas).toMatchObject({ A9: 'A1*2', A10: 'A2&"!"', A11: 'A1>1', A12: '1/0', A13: 'A1+1', C1: 'B1*10', C2: 'B2*10' });
  });

  test('number formats other than General, merges, hidden merge cells, trailing empty rows', async () => {
    const wb = await readWorkbook(bytes, 'v.xlsx');
    const s = wb.sheets[0];
    expect(s.numberFormats).toMatchObject({ A4: 'yyyy-mm-dd', D1: '0.00%' });
    expect(s.numberFormats!.A1).toBeUndefined();
    expect(s.merges).toEqual([{ top: 1, left: 5, bottom: 2, right: 6 }]);
    expect(s.values[0][4]).toBe('合并');
    expect(s.values[0][5]).toBeNull();
    expect(s.values[1][4]).toBeNull();
    expect(s.values).toHaveLength(13);
    expect(wb.sheets[1]).toEqual({ name: '空', values: [], merges: [] });
  });

  test('dateToIso', () => {
    expect(dateToIso(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(dateToIso(new Date(Date.UTC(2024, 1, 29, 0, 0, 0, 400)))).toBe('2024-02-29');
    expect(dateToIso(new Date(Date.UTC(2024, 1, 29, 8, 5, 9)))).toBe('2024-02-29T08:05:09');
  });
});

describe('read errors', () => {
  test('missing file', async () => {
    const p = path.join(tmp, '不存在.xlsx');
    const e = await expectReadError(readWorkbookFile(p), 'notFound', '不存在.xlsx', '文件不存在', 'file not found');
    expect(e.file).toBe(p);
  });

  test('a text file named .xlsx', async () => {
    const p = path.join(tmp, 'a.xlsx');
    fs.writeFileSync(p, '单位,项目\n衡阳,公车\n');
    await expectReadError(readWorkbookFile(p), 'notWorkbook', 'a.xlsx', '不是 Excel 工作簿', 'not an Excel workbook');
  });

  test('an HTML table saved as .xls', async () => {
    await expectReadError(readWorkbook(Buffer.from('<html><table><tr><td>1</td></tr></table></html>'), 'b.xls'), 'notWorkbook', 'b.xls', 'HTML');
  });

  test('an empty file', async () => {
    await expectReadError(readWorkbook(new Uint8Array(0), 'e.xlsx'), 'notWorkbook', 'e.xlsx', '文件为空', 'empty');
  });

  test('a truncated zip', async () => {
    const full = fs.readFileSync(FIXTURE);
    await expectReadError(readWorkbook(full.subarray(0, Math.floor(full.length / 2)), 't.xlsx'), 'corrupt', 't.xlsx', '损坏', 'damaged');
  });

  test('a zip that is not a workbook', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>'), '[Content_Types].xml': strToU8('<Types/>') });
    await expectReadError(readWorkbook(zip, 'd.xlsx'), 'corrupt', 'd.xlsx', 'xl/workbook.xml');
  });

  test('an encrypted (password protected) workbook', async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1152);
    const p = path.join(tmp, '加密.xlsx');
    fs.writeFileSync(p, ole);
    const e = await expectReadError(readWorkbookFile(p), 'encrypted', '加密.xlsx', '文件已加密（受密码保护）', 'the file is encrypted (password protected)');
    expect(e.message).toMatch(/^无法读取 .*加密\.xlsx：文件已加密（受密码保护）.* \/ .*加密\.xlsx: the file is encrypted \(password protected\)/);
  });

  test('a legacy .xls workbook', async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from('Workbook', 'utf16le').copy(ole, 1024);
    await expectReadError(readWorkbook(ole, 'old.xls'), 'notWorkbook', 'old.xls', '.xls', '.xlsx');
  });

  test('a folder', async () => {
    await expectReadError(readWorkbookFile(tmp), 'notWorkbook', 'folder');
  });
});
