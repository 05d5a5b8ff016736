import * as ExcelJS from 'exceljs';
import { applyPlanToXlsx, readWorkbook } from '../../../src/hosts/xlsx';
import { SHEET_MARKER_NOTE } from '../../../src/core/plan/conventions';
import { type PlanOp } from '../../../src/core/plan/ops';
import { MARK_FILLS, NOTE_TAG } from '../../../src/core/plan/conventions';
import { planMarks } from '../../../src/core/check/marks';
import type { Finding, Severity } from '../../../src/core/check/findings';
import { canon, cells, cellXfs, child, children, parseXml, sharedStrings, text, unzip, type Node, type Parts } from './xmlparts';

const D = '数据';

function sheetPart(parts: Parts, name: string): string {
  const wb = parseXml(text(parts, 'xl/workbook.xml'));
  const rels = parseXml(text(parts, 'xl/_rels/workbook.xml.rels'));
  const s = children(child(wb, 'sheets')!, 'sheet').find((x) => x.attrs.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  const target = children(rels, 'Relationship').find((r) => r.attrs.Id === s.attrs['r:id'])!.attrs.Target;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function sheetXml(parts: Parts, name: string): Node {
  return parseXml(text(parts, sheetPart(parts, name)));
}

function related(parts: Parts, name: string, type: string): string | undefined {
  const part = sheetPart(parts, name);
  const relsName = part.replace(/([^/]+)$/, '_rels/$1.rels');
  if (!parts[relsName]) return undefined;
  const rel = children(parseXml(text(parts, relsName)), 'Relationship').find((r) => r.attrs.Type.endsWith(`/${type}`));
  if (!rel) return undefined;
  const dir = part.slice(0, part.lastIndexOf('/'));
  const segs = dir.split('/');
  for (const p of rel.attrs.Target.split('/')) {
    if (p === '..') segs.pop();
    else segs.push(p);
  }
  return segs.join('/');
}

/** Notes of a sheet: cell -> { author, text }. */
function notes(parts: Parts, name: string): Map<string, { author: string; text: string }> {
  const p = related(parts, name, 'comments');
  const out = new Map<string, { author: string; text: string }>();
  if (!p) return out;
  const x = parseXml(text(parts, p));
  const authors = children(child(x, 'authors'), 'author').map((a) => a.text);
  for (const c of children(child(x, 'commentList'), 'comment')) {
    const t = child(c, 'text')!;
    let s = child(t, 't')?.text ?? '';
    for (const r of children(t, 'r')) s += child(r, 't')?.text ?? '';
    out.set(c.attrs.ref, { author: authors[Number(c.attrs.authorId)], text: s });
  }
  return out;
}

function vmlOf(parts: Parts, name: string): string {
  const p = related(parts, name, 'vmlDrawing');
  return p ? text(parts, p) : '';
}

function merges(sheet: Node): string[] {
  return children(child(sheet, 'mergeCells'), 'mergeCell')
    .map((m) => m.attrs.ref)
    .sort();
}

async function buildWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(D);
  ws.getCell('A1').value = '标题';
  ws.mergeCells('A1:D1');
  for (let r = 2; r <= 8; r++) {
    ws.getCell(r, 1).value = r;
    const b = ws.getCell(r, 2);
    b.value = r * 10;
    b.numFmt = '0.00';
    b.font = { name: '宋体', size: 10, color: { theme: 1 }, scheme: 'minor' };
    b.border = { left: { style: 'thin', color: { theme: 3 } }, bottom: { style: 'thin', color: { argb: 'FF00FF00' } } };
    b.alignment = { vertical: 'middle', wrapText: true };
  }
  ws.mergeCells('C2:C6');
  ws.getCell('D2').value = { formula: 'SUM(B2:B8)', result: 350 };
  ws.getCell('B3').note = '用户的批注';
  ws.getCell('A4').note = { texts: [{ font: { bold: true }, text: '张三:' }, { text: ' 富文本批注' }] };
  (ws as unknown as { dataValidations: { add(ref: string, v: object): void } }).dataValidations.add('A2:A8', { type: 'whole', operator: 'between', allowBlank: true, formulae: [1, 100] });
  ws.addConditionalFormatting({
    ref: 'B2:B8',
    rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: ['50'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } } }],
  });
  ws.getRow(4).height = 30;
  ws.getRow(7).height = 22;
  ws.getCell('E7').value = '横向合并';
  ws.mergeCells('E7:F7');
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 20;
  const other = wb.addWorksheet('other');
  other.getCell('A1').value = 'x';
  other.getCell('A2').value = { formula: `'${D}'!B5*2`, result: 100 };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('a plan over a workbook with validations, conditional formats, formulas, notes and merges', () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let a: Parts;
  let b: Parts;
  const plan: PlanOp[] = [
    { op: 'mark', sheet: D, cell: 'C4', severity: 'error', note: '合并区域里的问题' },
    { op: 'mark', sheet: D, cell: 'B3', severity: 'warning', note: '已有批注的单元格' },
    { op: 'mark', sheet: D, cell: 'B5', severity: 'info', note: '提示' },
    { op: 'setFormula', sheet: D, cell: 'E2', formula: 'SUM(A2:A8)', value: 35 },
    { op: 'insertRows', sheet: D, at: 4, count: 2, formatFrom: 7 },
    { op: 'addSheet', name: '检查结果', rows: [[{ value: '级别', bold: true }], [{ value: '错误', link: { sheet: D, cell: 'C2' } }]] },
  ];

  beforeAll(async () => {
    input = await buildWorkbook();
    output = await applyPlanToXlsx(input, { ops: plan });
    a = unzip(input);
    b = unzip(output);
  });

  test('data validations and conditional formats are kept (and stretched over the inserted rows)', () => {
    const s = sheetXml(b, D);
    const dv = children(child(s, 'dataValidations'), 'dataValidation');
    expect(dv).toHaveLength(1);
    expect(dv[0].attrs).toMatchObject({ sqref: 'A2:A10', type: 'whole', allowBlank: '1' });
    expect(child(dv[0], 'formula1')!.text).toBe('1');
    expect(child(dv[0], 'formula2')!.text).toBe('100');
    const cf = children(s, 'conditionalFormatting');
    expect(cf).toHaveLength(1);
    expect(cf[0].attrs.sqref).toBe('B2:B10');
    expect(child(child(cf[0], 'cfRule')!, 'formula')!.text).toBe('50');
    // the dxf it points to is still there
    const styles = parseXml(text(b, 'xl/styles.xml'));
    const dxfId = Number(child(cf[0], 'cfRule')!.attrs.dxfId);
    expect(children(child(styles, 'dxfs'), 'dxf')[dxfId]).toBeDefined();
  });

  test('formulas are kept and shifted; the new formula has its cached value', () => {
    const c = cells(sheetXml(b, D), sharedStrings(b));
    expect(c.get('D2')).toMatchObject({ f: 'SUM(B2:B10)', v: '350', t: 'n' });
    expect(c.get('E2')).toMatchObject({ f: 'SUM(A2:A10)', v: '35', t: 'n' });
  });

  test('merges: spanning merges grow, later ones move, the source row\'s horizontal merge is repeated', () => {
    expect(merges(sheetXml(a, D))).toEqual(['A1:D1', 'C2:C6', 'E7:F7']);
    expect(merges(sheetXml(b, D))).toEqual(['A1:D1', 'C2:C8', 'E4:F4', 'E5:F5', 'E9:F9']);
  });

  test('inserted rows take the height and cell formats of the source row; other rows keep theirs', () => {
    const s = sheetXml(b, D);
    const rows = new Map(children(child(s, 'sheetData'), 'row').map((r) => [r.attrs.r, r]));
    expect(rows.get('4')!.attrs.ht).toBe('22');
    expect(rows.get('5')!.attrs.ht).toBe('22');
    expect(rows.get('6')!.attrs.ht).toBe('30'); // the old row 4
    expect(rows.get('9')!.attrs.ht).toBe('22'); // the old row 7
    const c = cells(s, sharedStrings(b));
    const src = c.get('B9')!; // old B7, unmarked
    expect(c.get('B4')!.s).toBe(src.s);
    expect(c.get('B5')!.s).toBe(src.s);
    expect(c.get('B4')!.value).toBeUndefined();
    // B5 was marked before the insertion and moved to B7; the new rows did not copy a mark
    expect(c.get('B7')!.s).not.toBe(src.s);
  });

  test('marks keep the format (theme colours, font scheme) and recolour nothing else', () => {
    const ca = cells(sheetXml(a, D), sharedStrings(a));
    const cb = cells(sheetXml(b, D), sharedStrings(b));
    const xa = cellXfs(parseXml(text(a, 'xl/styles.xml')), true);
    const stylesB = parseXml(text(b, 'xl/styles.xml'));
    const xb = cellXfs(stylesB, true);
    const bStyle = ca.get('B2')!.s;
    // B3 (marked) keeps everything but the fill
    expect(cb.get('B3')!.s).not.toBe(bStyle);
    expect(xb[Number(cb.get('B3')!.s)]).toBe(xa[Number(bStyle)]);
    // the other B cells still use the original format
    for (const ref of ['B2', 'B4', 'B6', 'B8', 'B9', 'B10']) expect(cb.get(ref)!.s).toBe(bStyle);
    // the original fonts and borders (theme colours, scheme) are untouched
    const fa = parseXml(text(a, 'xl/styles.xml'));
    for (const [list, item] of [
      ['fonts', 'font'],
      ['borders', 'border'],
    ]) {
      const x = children(child(fa, list), item).map(canon);
      expect(children(child(stylesB, list), item).map(canon).slice(0, x.length)).toEqual(x);
    }
    const xf = children(child(stylesB, 'cellXfs'), 'xf')[Number(cb.get('B3')!.s)];
    const fill = children(child(stylesB, 'fills'), 'fill')[Number(xf.attrs.fillId)];
    expect(child(child(fill, 'patternFill')!, 'fgColor')!.attrs.rgb).toBe(`FF${MARK_FILLS.warning}`);
    // the merge C2:C8 is marked on its top-left cell
    expect(cb.get('C2')!.s).not.toBe(ca.get('C2')?.s ?? '0');
  });

  test("notes: the user's note comes first and keeps its author; notes move with their rows; one shape per note", () => {
    const n = notes(b, D);
    expect([...n.keys()].sort()).toEqual(['A6', 'B3', 'B7', 'C2']);
    expect(n.get('B3')).toEqual({ author: notes(a, D).get('B3')!.author, text: `用户的批注\n\n${NOTE_TAG} 已有批注的单元格` });
    expect(n.get('A6')!.text).toBe('张三: 富文本批注');
    expect(n.get('B7')).toEqual({ author: 'jixiao', text: `${NOTE_TAG} 提示` });
    expect(n.get('C2')!.text).toBe(`${NOTE_TAG} 合并区域里的问题`);
    const vml = vmlOf(b, D);
    expect(vml.match(/ObjectType="Note"/g)).toHaveLength(4);
    expect(vml).not.toContain('xmlns:_=');
    const rowsCols = [...vml.matchAll(/<x:Row>(\d+)<\/x:Row>\s*<x:Column>(\d+)<\/x:Column>/g)].map((m) => `${m[1]},${m[2]}`).sort();
    expect(rowsCols).toEqual(['1,2', '2,1', '5,0', '6,1']);
  });

  test('the rich text of a moved note keeps its bold run', () => {
    const p = related(b, D, 'comments')!;
    const x = parseXml(text(b, p));
    const c = children(child(x, 'commentList'), 'comment').find((k) => k.attrs.ref === 'A6')!;
    const runs = children(child(c, 'text')!, 'r');
    expect(child(child(runs[0], 'rPr')!, 'b')).toBeDefined();
  });

  test('freeze pane and column widths are kept', () => {
    const sa = sheetXml(a, D);
    const sb = sheetXml(b, D);
    expect(canon(child(sb, 'sheetViews')!)).toBe(canon(child(sa, 'sheetViews')!));
    expect(canon(child(sb, 'cols')!)).toBe(canon(child(sa, 'cols')!));
  });

  test('the output re-opens with exceljs; the other sheet is unchanged', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(output) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([D, 'other', '检查结果']);
    const ws = wb.getWorksheet(D)!;
    expect(ws.getCell('B3').note).toBeDefined();
    expect(ws.getCell('E2').value).toMatchObject({ formula: 'SUM(A2:A10)', result: 35 });
    const x = await readWorkbook(input, 'in');
    const y = await readWorkbook(output, 'out');
    const before = x.sheets[0].values;
    const after = y.sheets[0].values;
    // rows 1-3 unchanged (but for E2), two empty rows, then the old rows 4-8
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).toEqual(before[2]);
    expect(after.slice(5, 10)).toEqual(before.slice(3, 8));
    expect(after[3].every((v) => v === null)).toBe(true);
    expect(y.sheets[1].values).toEqual(x.sheets[1].values);
  });

  test('references to the shifted sheet from other sheets move too', () => {
    const c = cells(sheetXml(b, 'other'), sharedStrings(b));
    // (quotes or none: a name of CJK letters does not need them)
    expect(c.get('A2')!.f!.replace(/'/g, '')).toBe(`${D}!B7*2`);
  });
});

describe('formula cached values', () => {
  test('numbers, text, booleans and no value; over numbers and shared strings', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('B2').value = 'a shared string';
    ws.getCell('B3').value = 99;
    ws.getCell('B3').numFmt = '0.00';
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const out = await applyPlanToXlsx(input, {
      ops: [
        { op: 'setFormula', sheet: 'S', cell: 'B1', formula: 'A1+A2', value: 3 },
        { op: 'setFormula', sheet: 'S', cell: 'B2', formula: '"a"&"b"', value: 'ab<&>' },
        { op: 'setFormula', sheet: 'S', cell: 'B3', formula: '=A1<A2', value: true },
        { op: 'setFormula', sheet: 'S', cell: 'B4', formula: 'A1/3', value: 1 / 3 },
        { op: 'setFormula', sheet: 'S', cell: 'B5', formula: 'NOW()', value: null },
        { op: 'setFormula', sheet: 'S', cell: 'B6', formula: 'A1', value: 5, note: '先写公式' },
        { op: 'setValue', sheet: 'S', cell: 'B6', value: 7 },
      ],
    });
    const p = unzip(out);
    const c = cells(sheetXml(p, 'S'), sharedStrings(p));
    expect(c.get('B1')).toMatchObject({ f: 'A1+A2', t: 'n', v: '3' });
    expect(c.get('B2')).toMatchObject({ f: '"a"&"b"', t: 'str', v: 'ab<&>' });
    expect(c.get('B3')).toMatchObject({ f: 'A1<A2', t: 'b', v: '1', s: cells(sheetXml(unzip(input), 'S'), []).get('B3')!.s });
    expect(Number(c.get('B4')!.v)).toBe(1 / 3);
    expect(c.get('B5')).toMatchObject({ f: 'NOW()', v: undefined, t: 'n' });
    expect(c.get('B6')).toMatchObject({ f: undefined, v: '7' });
    const snap = await readWorkbook(out, 'out');
    expect(snap.sheets[0].values.map((r) => r[1])).toEqual([3, 'ab<&>', true, 1 / 3, null, 7]);
    expect(snap.sheets[0].formulas).toEqual({ B1: 'A1+A2', B2: '"a"&"b"', B3: 'A1<A2', B4: 'A1/3', B5: 'NOW()' });
    expect(notes(p, 'S').get('B6')!.text).toBe(`${NOTE_TAG} 先写公式`);
  });

  test('setValue writes numbers, text, booleans and clears with null, keeping the format', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (const ref of ['A1', 'A2', 'A3', 'A4']) {
      ws.getCell(ref).value = 'old';
      ws.getCell(ref).font = { bold: true };
    }
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const out = await applyPlanToXlsx(input, {
      ops: [
        { op: 'setValue', sheet: 'S', cell: 'A1', value: 42.5 },
        { op: 'setValue', sheet: 'S', cell: 'A2', value: '新值' },
        { op: 'setValue', sheet: 'S', cell: 'A3', value: false },
        { op: 'setValue', sheet: 'S', cell: 'A4', value: null },
      ],
    });
    const snap = await readWorkbook(out, 'out');
    expect(snap.sheets[0].values.map((r) => r[0])).toEqual([42.5, '新值', false]);
    const before = cells(sheetXml(unzip(input), 'S'), []);
    const after = cells(sheetXml(unzip(out), 'S'), []);
    for (const ref of ['A1', 'A2', 'A3', 'A4']) expect(after.get(ref)!.s).toBe(before.get(ref)!.s);
  });
});

describe('marks', () => {
  test('10,000 marks on cells of one format make one new format per severity', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (let r = 1; r <= 300; r++) {
      ws.getCell(r, 1).value = r;
      ws.getCell(r, 1).border = { top: { style: 'thin' } };
    }
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = cellXfs(parseXml(text(unzip(input), 'xl/styles.xml'))).length;
    const sev = ['error', 'warning', 'info'] as const;
    const ops: PlanOp[] = [];
    for (let i = 0; i < 10000; i++) ops.push({ op: 'mark', sheet: 'S', cell: `A${(i % 300) + 1}`, severity: sev[i % 3], note: '' });
    const out = await applyPlanToXlsx(input, { ops });
    const after = cellXfs(parseXml(text(unzip(out), 'xl/styles.xml'))).length;
    expect(after - before).toBe(3);
  });

  test('a second mark on a cell keeps the more severe fill', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const out = await applyPlanToXlsx(input, {
      ops: [
        { op: 'mark', sheet: 'S', cell: 'A1', severity: 'warning', note: '一' },
        { op: 'mark', sheet: 'S', cell: 'A1', severity: 'error', note: '二' },
        { op: 'mark', sheet: 'S', cell: 'A1', severity: 'info', note: '三' },
        { op: 'mark', sheet: 'S', cell: 'B1', severity: 'info', note: '' },
        { op: 'mark', sheet: 'S', cell: 'B1', severity: 'warning', note: '' },
      ],
    });
    const p = unzip(out);
    const styles = parseXml(text(p, 'xl/styles.xml'));
    const fillColor = (ref: string) => {
      const xf = children(child(styles, 'cellXfs'), 'xf')[Number(cells(sheetXml(p, 'S'), []).get(ref)!.s)];
      return child(child(children(child(styles, 'fills'), 'fill')[Number(xf.attrs.fillId)], 'patternFill')!, 'fgColor')!.attrs.rgb;
    };
    expect(fillColor('A1')).toBe(`FF${MARK_FILLS.error}`);
    expect(fillColor('B1')).toBe(`FF${MARK_FILLS.warning}`);
    expect(notes(p, 'S').get('A1')!.text).toBe(`${NOTE_TAG} 一\n\n${NOTE_TAG} 二\n\n${NOTE_TAG} 三`);
  });

  test('a mark is painted in the plan’s colour (MarkOp.fill, as planMarks sets it), not the default of its severity', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (let r = 1; r <= 5; r++) ws.getCell(r, 1).value = r;
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const chosen = { ...MARK_FILLS, error: 'E0C8FF', warning: 'C6EFCE' };
    const finding = (cell: string, severity: Severity): Finding => ({ id: 'r', severity, category: 'other', sheet: 'S', cell, row: 1, project: null, indicator: null, message: { 'zh-CN': '说明', 'en-US': 'note' } });
    const marks = planMarks([finding('A1', 'error'), finding('A2', 'warning'), finding('A3', 'info')], 'zh-CN', '', chosen).ops.filter((o) => o.op === 'mark');
    expect(marks.map((o) => o.op === 'mark' && o.fill)).toEqual(['E0C8FF', 'C6EFCE', MARK_FILLS.info]);
    const out = await applyPlanToXlsx(input, {
      ops: [
        ...marks,
        // #rrggbb and AARRGGBB are read as RRGGBB; no fill: the default of the severity.
        { op: 'mark', sheet: 'S', cell: 'A4', severity: 'error', note: '', fill: '#00b0f0' },
        { op: 'mark', sheet: 'S', cell: 'A5', severity: 'error', note: '' },
      ],
    });
    const p = unzip(out);
    const styles = parseXml(text(p, 'xl/styles.xml'));
    const c = cells(sheetXml(p, 'S'), []);
    const fillColor = (ref: string) => {
      const xf = children(child(styles, 'cellXfs'), 'xf')[Number(c.get(ref)!.s)];
      return child(child(children(child(styles, 'fills'), 'fill')[Number(xf.attrs.fillId)], 'patternFill')!, 'fgColor')!.attrs.rgb;
    };
    expect(['A1', 'A2', 'A3', 'A4', 'A5'].map(fillColor)).toEqual(['FFE0C8FF', 'FFC6EFCE', `FF${MARK_FILLS.info}`, 'FF00B0F0', `FF${MARK_FILLS.error}`]);
  });

  test('a bad sheet or cell throws an error naming them', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(applyPlanToXlsx(input, { ops: [{ op: 'mark', sheet: '没有', cell: 'A1', severity: 'error', note: 'x' }] })).rejects.toThrow(/mark 没有!A1/);
    await expect(applyPlanToXlsx(input, { ops: [{ op: 'setValue', sheet: 'S', cell: 'A0', value: 1 }] })).rejects.toThrow(/A0/);
    // the module still works afterwards
    const ok = await applyPlanToXlsx(input, { ops: [{ op: 'setValue', sheet: 'S', cell: 'A2', value: 2 }] });
    expect((await readWorkbook(ok, 'ok')).sheets[0].values).toEqual([[1], [2]]);
  });
});

describe('addSheet', () => {
  const rows = (v: string) => [[{ value: '标题', bold: true }], [{ value: v }]];

  test('replaces its own sheet, never a user sheet of the same name; stays inactive', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    wb.addWorksheet('用户表').getCell('A1').value = '用户的数据';
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const once = await applyPlanToXlsx(input, { ops: [{ op: 'addSheet', name: '检查结果', rows: rows('第一次') }] });
    const twice = await applyPlanToXlsx(once, { ops: [{ op: 'addSheet', name: '检查结果', rows: rows('第二次') }] });
    const snap = await readWorkbook(twice, 'x');
    expect(snap.sheets.map((s) => s.name)).toEqual(['S', '用户表', '检查结果']);
    expect(snap.sheets[2].values).toEqual([['标题'], ['第二次']]);
    expect(notes(unzip(twice), '检查结果').get('A1')!.text).toBe(SHEET_MARKER_NOTE);
    const user = await applyPlanToXlsx(twice, { ops: [{ op: 'addSheet', name: '用户表', rows: rows('新') }] });
    const snap2 = await readWorkbook(user, 'y');
    expect(snap2.sheets.map((s) => s.name)).toEqual(['S', '用户表', '检查结果', '用户表 (2)']);
    expect(snap2.sheets[1].values).toEqual([['用户的数据']]);
    const wbXml = parseXml(text(unzip(user), 'xl/workbook.xml'));
    const activeTab = child(child(wbXml, 'bookViews') ?? { tag: '', attrs: {}, children: [], text: '' }, 'workbookView')?.attrs.activeTab ?? '0';
    expect(activeTab).toBe('0');
  });
});
