/**
 * Fidelity of the writer for every op it applies, one op at a time, on a workbook with data validations,
 * conditional formats, notes (plain and rich), merges, shared and plain formulas, a defined name, a second
 * sheet pointing into the first, links, widths and heights. Parts an op does not touch come out byte for
 * byte as they went in; in the parts it touches, only what it writes differs.
 */
import * as ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { writePlan } from '../../../src/hosts/xlsx';
import type { PlanOp } from '../../../src/core/plan/ops';
import { shiftForInsert } from '../../../src/core/edit/formula';
import { canon, child, children, parseXml, text, type Node } from './xmlparts';
import { notesOf, sheetCells, sheetPart, sheetXml, unzip, type Parts } from './sheetparts';

const D = '数据';
const O = 'other';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(D);
  ws.getCell('A1').value = '标题';
  ws.mergeCells('A1:D1');
  for (let r = 2; r <= 9; r++) {
    ws.getCell(r, 1).value = r;
    const b = ws.getCell(r, 2);
    b.value = r * 10;
    b.numFmt = '0.00';
    b.font = { name: '宋体', size: 10, color: { theme: 1 }, scheme: 'minor' };
    b.border = { left: { style: 'thin', color: { theme: 3 } } };
    ws.getCell(r, 3).value = `文本${r}`;
  }
  ws.getCell('E2').value = { formula: 'B2*2', shareType: 'shared', ref: 'E2:E9', result: 40 } as unknown as ExcelJS.CellValue;
  for (let r = 3; r <= 9; r++) ws.getCell(r, 5).value = { sharedFormula: 'E2', result: r * 20 } as unknown as ExcelJS.CellValue;
  ws.getCell('F2').value = { formula: 'SUM(B2:B9)', result: 440 };
  ws.mergeCells('D3:D6');
  ws.getCell('B3').note = '用户的批注';
  ws.getCell('A5').note = { texts: [{ font: { bold: true }, text: '张三:' }, { text: ' 富文本批注' }] };
  (ws as unknown as { dataValidations: { add(ref: string, v: object): void } }).dataValidations.add('A2:A9', { type: 'whole', operator: 'between', allowBlank: true, formulae: [1, 100] });
  ws.addConditionalFormatting({ ref: 'B2:B9', rules: [{ type: 'expression', priority: 1, formulae: ['B2>$B$9'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } } }] });
  ws.getCell('G2').value = { text: '链接', hyperlink: `#'${O}'!A1` };
  ws.getRow(4).height = 30;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.getColumn(1).width = 12;
  ws.getColumn(3).width = 20;
  const other = wb.addWorksheet(O);
  other.getCell('A1').value = 'x';
  other.getCell('A2').value = { formula: `'${D}'!B5*2`, result: 100 };
  other.getCell('A3').value = { formula: `SUM('${D}'!B2:B9)`, result: 440 };
  wb.definedNames.add(`'${D}'!$B$2:$B$9`, 'amounts');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let input: Uint8Array;
let before: Parts;
beforeAll(async () => {
  input = await workbook();
  before = unzip(input);
});

/** Parts of `after` that differ from the input (added and removed ones included). */
function changedParts(after: Parts): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => !before[n] || !after[n] || !Buffer.from(before[n]).equals(Buffer.from(after[n]))).sort();
}

/** Top-level worksheet elements, canonical, by name (sheetData left out). */
function sections(n: Node): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of n.children) if (c.tag !== 'sheetData') out[c.tag] = (out[c.tag] ?? '') + canon(c);
  return out;
}

/** Applies the ops; every part written is well-formed XML. */
function apply(ops: PlanOp[]): Parts {
  const after = unzip(writePlan(input, { ops }));
  for (const p of changedParts(after)) {
    if (after[p] && /\.(xml|vml|rels)$/.test(p)) expect({ part: p, valid: XMLValidator.validate(text(after, p)) }).toEqual({ part: p, valid: true });
  }
  return after;
}

const sheetD = () => sheetPart(before, D);

describe('one op at a time: what it does not write stays as it was written', () => {
  test('setValue and setFormula: the cell, and nothing else of the sheet', () => {
    const after = apply([
      { op: 'setValue', sheet: D, cell: 'C4', value: '新值' },
      { op: 'setValue', sheet: D, cell: 'H20', value: 7 },
      { op: 'setFormula', sheet: D, cell: 'C5', formula: 'A5+1', value: 6 },
    ]);
    expect(changedParts(after)).toEqual([sheetD()]);
    const a = sheetCells(before, D);
    const b = sheetCells(after, D);
    for (const [ref, c] of a) if (!['C4', 'C5'].includes(ref)) expect({ ref, ...b.get(ref) }).toEqual({ ref, ...c });
    expect(b.get('C4')).toMatchObject({ s: a.get('C4')!.s, value: '新值' });
    expect(b.get('C5')).toMatchObject({ s: a.get('C5')!.s, f: 'A5+1', v: '6', t: 'n' });
    expect(b.get('H20')).toMatchObject({ value: '7' });
    const sb = sections(sheetXml(after, D));
    const sa = sections(sheetXml(before, D));
    expect({ ...sb, dimension: '' }).toEqual({ ...sa, dimension: '' });
    expect(child(sheetXml(after, D), 'dimension')!.attrs.ref).toBe('A1:H20');
  });

  test('mark: the cell’s format (a copy with the fill) and its note; the user’s notes and shapes stay', () => {
    const after = apply([{ op: 'mark', sheet: D, cell: 'B3', severity: 'error', note: '问题' }]);
    const changed = changedParts(after);
    const allowed = [sheetD(), 'xl/styles.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels'];
    expect(changed.filter((p) => !allowed.includes(p) && !/comments|vmlDrawing|customXml/.test(p))).toEqual([]);
    const a = sheetCells(before, D);
    const b = sheetCells(after, D);
    for (const [ref, c] of a) if (ref !== 'B3') expect({ ref, ...b.get(ref) }).toEqual({ ref, ...c });
    expect(notesOf(after, D)).toEqual(new Map([...notesOf(before, D), ['B3', '用户的批注\n\n[jixiao] 问题']]));
    expect(sections(sheetXml(after, D))).toEqual(sections(sheetXml(before, D)));
  });

  test('addSheet: every part of the existing sheets is untouched', () => {
    const after = apply([{ op: 'addSheet', name: '检查结果', rows: [[{ value: '级别', bold: true }], [{ value: 'B3', link: { sheet: D, cell: 'B3' } }]] }]);
    for (const p of changedParts(after)) expect(p).toMatch(/^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/styles\.xml|xl\/worksheets\/sheet3\.xml|xl\/worksheets\/_rels\/sheet3\.xml\.rels|xl\/comments\d\.xml|xl\/drawings\/vmlDrawing\d\.vml|customXml\/.*)$/);
  });

  test('merge: one more merged area; copyFormat: the target cells’ formats and the column width', () => {
    const merged = apply([{ op: 'merge', sheet: D, range: 'H2:I3' }]);
    expect(changedParts(merged)).toEqual([sheetD()]);
    const mergesOf = (p: Parts) => children(child(sheetXml(p, D), 'mergeCells'), 'mergeCell').map((m) => m.attrs.ref);
    expect(mergesOf(merged)).toEqual([...mergesOf(before), 'H2:I3']);
    expect(sheetCells(merged, D)).toEqual(sheetCells(before, D));

    const copied = apply([{ op: 'copyFormat', sheet: D, from: 'B2:B9', to: 'H2:H9' }, { op: 'copyFormat', sheet: D, from: 'C2', to: 'I2:I3', columnWidth: true }]);
    expect(changedParts(copied)).toEqual([sheetD()]);
    const a = sheetCells(before, D);
    const b = sheetCells(copied, D);
    for (const [ref, c] of a) expect({ ref, ...b.get(ref) }).toEqual({ ref, ...c });
    for (let r = 2; r <= 9; r++) expect(b.get(`H${r}`)!.s).toBe(a.get(`B${r}`)!.s);
    const widths = (p: Parts) => children(child(sheetXml(p, D), 'cols'), 'col').map((c) => [c.attrs.min, c.attrs.max, c.attrs.width]);
    expect(widths(copied)).toEqual([...widths(before), ['9', '9', widths(before).find((w) => w[0] === '3')![2]]]);
  });

  test('recalculate: the workbook’s calculation properties only', () => {
    const after = apply([{ op: 'recalculate', sheet: D }]);
    expect(changedParts(after)).toEqual(['xl/workbook.xml']);
    const wb = parseXml(text(after, 'xl/workbook.xml'));
    expect(child(wb, 'calcPr')!.attrs.fullCalcOnLoad).toBe('1');
    const strip = (n: Node) => canon({ ...n, children: n.children.filter((c) => c.tag !== 'calcPr') });
    expect(strip(wb)).toBe(strip(parseXml(text(before, 'xl/workbook.xml'))));
  });

  test('insertRows: every cell moves with its row, formulas, ranges and notes follow; the rest is untouched', () => {
    const at = 4;
    const count = 2;
    const after = apply([{ op: 'insertRows', sheet: D, at, count, formatFrom: 8 }]);
    const changed = changedParts(after);
    expect(changed.filter((p) => !/worksheets\/sheet[12]\.xml|xl\/workbook\.xml|comments|vmlDrawing/.test(p))).toEqual([]);
    const move = (ref: string) => ref.replace(/\d+$/, (r) => String(Number(r) >= at ? Number(r) + count : Number(r)));
    const a = sheetCells(before, D);
    const b = sheetCells(after, D);
    for (const [ref, c] of a) {
      const got = b.get(move(ref))!;
      expect({ ref, s: got.s, t: got.t, v: got.v }).toEqual({ ref, s: c.s, t: c.t, v: c.v });
    }
    // Shared formulas are written out, one per cell; each is the input's, moved.
    expect(b.get('E2')!.f).toBe('B2*2');
    expect(b.get(move('E9'))!.f).toBe('B11*2');
    expect(b.get('F2')!.f).toBe('SUM(B2:B11)');
    for (let r = at; r < at + count; r++) expect(b.get(`B${r}`)!.s).toBe(a.get('B8')!.s);
    const s = sheetXml(after, D);
    expect(children(child(s, 'mergeCells'), 'mergeCell').map((m) => m.attrs.ref)).toEqual(['A1:D1', 'D3:D8']);
    expect(child(child(s, 'dataValidations')!, 'dataValidation')!.attrs.sqref).toBe('A2:A11');
    const cf = child(s, 'conditionalFormatting')!;
    expect(cf.attrs.sqref).toBe('B2:B11');
    expect(child(child(cf, 'cfRule')!, 'formula')!.text).toBe(shiftForInsert('B2>$B$9', D, D, at, count));
    expect([...notesOf(after, D).keys()].sort()).toEqual(['A7', 'B3']);
    const o = sheetCells(after, O);
    expect(o.get('A2')!.f).toBe(`'${D}'!B7*2`);
    expect(o.get('A3')!.f).toBe(`SUM('${D}'!B2:B11)`);
    expect(sheetCells(after, O).get('A1')).toEqual(sheetCells(before, O).get('A1'));
    const names = children(child(parseXml(text(after, 'xl/workbook.xml')), 'definedNames'), 'definedName').map((n) => n.text);
    expect(names).toEqual([`'${D}'!$B$2:$B$11`]);
    // Parts of the other sheet other than its formulas: unchanged.
    expect(sections(sheetXml(after, O))).toEqual(sections(sheetXml(before, O)));
  });
});
