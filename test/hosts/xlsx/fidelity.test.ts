/**
 * Fidelity of applyPlanToXlsx: everything the plan does not write must come out unchanged.
 * Parts are compared semantically (the writer keeps untouched parts byte for byte, but rebuilds the rows and
 * elements it writes). fidelity-ops.test.ts does the same for every op on its own.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { applyPlanToXlsx } from '../../../src/hosts/xlsx/write';
import { readWorkbook } from '../../../src/hosts/xlsx/read';
import { type WritePlan } from '../../../src/core/plan/ops';
import { MARK_FILLS, NOTE_TAG } from '../../../src/core/plan/conventions';
import { SEED } from '../../support/seed';
import { canon, cells, cellXfs, child, children, parseXml, sharedStrings, text, unzip, type Node, type Parts } from './xmlparts';

const fixturePath = SEED;

const S1 = '项目支出绩效目标表';
const S2 = '整体支出绩效目标表';

/** Parts that a plan with marks, notes, a formula and a new sheet may change. */
function mayChange(name: string, changedSheets: string[]): boolean {
  return (
    changedSheets.includes(name) ||
    name === 'xl/styles.xml' ||
    name === 'xl/sharedStrings.xml' ||
    name === 'xl/workbook.xml' ||
    name === '[Content_Types].xml' ||
    name === 'docProps/app.xml' ||
    /\.rels$/.test(name) ||
    /^xl\/comments\d*\.xml$/.test(name) ||
    /^xl\/drawings\/vmlDrawing\d*\.vml$/.test(name)
  );
}

function sheetPartsByName(parts: Parts): Map<string, string> {
  const wb = parseXml(text(parts, 'xl/workbook.xml'));
  const rels = parseXml(text(parts, 'xl/_rels/workbook.xml.rels'));
  const byId = new Map(children(rels, 'Relationship').map((r) => [r.attrs.Id, r.attrs.Target]));
  const out = new Map<string, string>();
  for (const s of children(child(wb, 'sheets')!, 'sheet')) {
    const target = byId.get(s.attrs['r:id'])!;
    out.set(s.attrs.name, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

/** Top-level worksheet elements compared whole (canonical form). */
const SHEET_SECTIONS = ['sheetPr', 'sheetViews', 'sheetFormatPr', 'cols', 'mergeCells', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'autoFilter', 'tableParts', 'extLst'];

function sections(sheet: Node): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const tag of SHEET_SECTIONS) out[tag] = children(sheet, tag).map(canon);
  return out;
}

function fillOf(styles: Node, xfIndex: number): Node | undefined {
  const xf = children(child(styles, 'cellXfs'), 'xf')[xfIndex];
  const fillId = Number(xf.attrs.fillId ?? 0);
  return children(child(styles, 'fills'), 'fill')[fillId];
}

describe('applyPlanToXlsx on hengyang-2024.xlsx', () => {
  const input = new Uint8Array(fs.readFileSync(fixturePath));
  const plan: WritePlan = {
    ops: [
      { op: 'mark', sheet: S1, cell: 'I6', severity: 'error', note: '成本指标 57.6万元 大于项目资金总额 40.00万元' },
      { op: 'mark', sheet: S1, cell: 'B7', severity: 'warning', note: '合并单元格内的标记' },
      { op: 'mark', sheet: S1, cell: 'K9', severity: 'error', note: `${NOTE_TAG} 分值与公式不符` },
      { op: 'mark', sheet: S1, cell: 'I10', severity: 'info', note: '' },
      { op: 'setFormula', sheet: S1, cell: 'D5', formula: '=D6+D17+D29', value: 133 },
      {
        op: 'addSheet',
        name: '检查结果',
        rows: [
          [{ value: '级别', bold: true, fill: 'D9D9D9' }, { value: '位置', bold: true, fill: 'D9D9D9' }, { value: '说明', bold: true, fill: 'D9D9D9' }],
          [{ value: '错误', fill: MARK_FILLS.error }, { value: `${S1}!I6`, link: { sheet: S1, cell: 'I6' } }, { value: '成本指标大于资金总额' }],
          [{ value: '警告', fill: MARK_FILLS.warning }, { value: `${S1}!B6`, link: { sheet: S1, cell: 'B6' } }, { value: 42 }],
        ],
        columnWidths: [8, 30, 60],
      },
    ],
  };
  let output: Uint8Array;
  let inParts: Parts;
  let outParts: Parts;

  beforeAll(async () => {
    output = await applyPlanToXlsx(input, plan);
    inParts = unzip(input);
    outParts = unzip(output);
  });

  test('every part outside the expected ones is semantically unchanged', () => {
    const inSheets = sheetPartsByName(inParts);
    const changed = [inSheets.get(S1)!];
    for (const name of Object.keys(inParts)) {
      expect(outParts[name]).toBeDefined();
      if (mayChange(name, changed)) continue;
      if (/\.(xml|vml)$/.test(name)) expect(`${name}: ${canon(parseXml(text(outParts, name)))}`).toBe(`${name}: ${canon(parseXml(text(inParts, name)))}`);
      else expect(Buffer.from(outParts[name]).equals(Buffer.from(inParts[name]))).toBe(true);
    }
    // The untouched sheet in particular.
    const s2 = inSheets.get(S2)!;
    expect(canon(parseXml(text(outParts, s2)))).toBe(canon(parseXml(text(inParts, s2))));
  });

  test('shared strings: existing entries keep their index', () => {
    const a = sharedStrings(inParts);
    const b = sharedStrings(outParts);
    expect(b.slice(0, a.length)).toEqual(a);
  });

  test('styles: every existing font, fill, border, number format and cell format is kept at its index', () => {
    const a = parseXml(text(inParts, 'xl/styles.xml'));
    const b = parseXml(text(outParts, 'xl/styles.xml'));
    for (const [list, item] of [
      ['fonts', 'font'],
      ['fills', 'fill'],
      ['borders', 'border'],
      ['numFmts', 'numFmt'],
      ['cellXfs', 'xf'],
      ['cellStyleXfs', 'xf'],
      ['cellStyles', 'cellStyle'],
    ]) {
      const x = children(child(a, list), item).map(canon);
      const y = children(child(b, list), item).map(canon);
      expect({ list, items: y.slice(0, x.length) }).toEqual({ list, items: x });
    }
  });

  test('the marked sheet: unwritten cells keep value, formula and style; layout is kept', () => {
    const part = sheetPartsByName(inParts).get(S1)!;
    const a = parseXml(text(inParts, part));
    const b = parseXml(text(outParts, part));
    const ca = cells(a, sharedStrings(inParts));
    const cb = cells(b, sharedStrings(outParts));
    const written = new Set(['I6', 'B6', 'K9', 'I10', 'D5']);
    for (const [ref, info] of ca) {
      if (written.has(ref)) continue;
      expect({ ref, ...cb.get(ref) }).toEqual({ ref, ...info });
    }
    for (const ref of cb.keys()) if (!written.has(ref)) expect(ca.has(ref)).toBe(true);
    // merges, column widths, freeze pane, margins, page setup, validations, conditional formats
    const sa = sections(a);
    const sb = sections(b);
    expect(sb).toEqual(sa);
    expect(children(child(b, 'mergeCells'), 'mergeCell')).toHaveLength(34);
    expect(child(child(child(b, 'sheetViews')!, 'sheetView')!, 'pane')!.attrs).toMatchObject({ ySplit: '4', state: 'frozen', topLeftCell: 'A5' });
  });

  test('marked cells get the fill and keep the rest of their format; the merge top-left is marked', () => {
    const part = sheetPartsByName(inParts).get(S1)!;
    const ca = cells(parseXml(text(inParts, part)), sharedStrings(inParts));
    const cb = cells(parseXml(text(outParts, part)), sharedStrings(outParts));
    const sa = parseXml(text(inParts, 'xl/styles.xml'));
    const sb = parseXml(text(outParts, 'xl/styles.xml'));
    const xa = cellXfs(sa, true);
    const xb = cellXfs(sb, true);
    const expected: Array<[string, keyof typeof MARK_FILLS]> = [
      ['I6', 'error'],
      ['B6', 'warning'],
      ['K9', 'error'],
      ['I10', 'info'],
    ];
    for (const [ref, sev] of expected) {
      const before = ca.get(ref)!;
      const after = cb.get(ref)!;
      expect(after.value).toBe(before.value);
      expect(after.s).not.toBe(before.s);
      // same format except the fill
      expect(xb[Number(after.s)]).toBe(xa[Number(before.s)]);
      const fill = fillOf(sb, Number(after.s))!;
      const pf = child(fill, 'patternFill')!;
      expect(pf.attrs.patternType).toBe('solid');
      expect(child(pf, 'fgColor')!.attrs.rgb.slice(-6).toUpperCase()).toBe(MARK_FILLS[sev]);
    }
    // B7 is a hidden cell of the merge B6:B16: not marked itself.
    expect(cb.get('B7')?.s).toBe(ca.get('B7')?.s);
    // I6 and K9 had the same format and severity: they share the new one (one per format and severity).
    expect(cb.get('I6')!.s).toBe(cb.get('K9')!.s);
  });

  test('the formula cell holds the formula and the computed value as a number', () => {
    const part = sheetPartsByName(inParts).get(S1)!;
    const before = cells(parseXml(text(inParts, part)), sharedStrings(inParts)).get('D5')!;
    const d5 = cells(parseXml(text(outParts, part)), sharedStrings(outParts)).get('D5')!;
    expect(d5).toEqual({ s: before.s, t: 'n', v: '133', f: 'D6+D17+D29', value: '133' });
  });

  test('notes are attached to the marked cells, with author jixiao and the tag', () => {
    const part = sheetPartsByName(outParts).get(S1)!;
    const rels = parseXml(text(outParts, part.replace(/([^/]+)$/, '_rels/$1.rels')));
    const target = children(rels, 'Relationship').find((r) => r.attrs.Type.endsWith('/comments'))!.attrs.Target;
    const comments = parseXml(text(outParts, path.posix.join(path.posix.dirname(part), target)));
    const authors = children(child(comments, 'authors'), 'author').map((a) => a.text);
    const list = children(child(comments, 'commentList'), 'comment');
    const byRef = new Map(list.map((c) => [c.attrs.ref, c]));
    expect([...byRef.keys()].sort()).toEqual(['B6', 'I6', 'K9']);
    for (const c of list) {
      expect(authors[Number(c.attrs.authorId)]).toBe('jixiao');
      const t = canon(c);
      expect(t).toContain(NOTE_TAG);
    }
    expect(canon(byRef.get('K9')!)).not.toContain(`${NOTE_TAG} ${NOTE_TAG}`);
    // one VML shape per note
    const vmlTarget = children(rels, 'Relationship').find((r) => r.attrs.Type.endsWith('/vmlDrawing'))!.attrs.Target;
    const vml = text(outParts, path.posix.join(path.posix.dirname(part), vmlTarget));
    expect(vml.match(/ObjectType="Note"/g)).toHaveLength(3);
  });

  test('the new sheet: rows, bold header, links, widths; appended and not active', () => {
    const names = [...sheetPartsByName(outParts).keys()];
    expect(names).toEqual([S1, S2, '检查结果']);
    const wb = parseXml(text(outParts, 'xl/workbook.xml'));
    const activeTab = child(child(wb, 'bookViews') ?? { tag: '', attrs: {}, children: [], text: '' }, 'workbookView')?.attrs.activeTab ?? '0';
    expect(activeTab).toBe('0');
    const sheet = parseXml(text(outParts, sheetPartsByName(outParts).get('检查结果')!));
    const sst = sharedStrings(outParts);
    const c = cells(sheet, sst);
    expect(c.get('A1')!.value).toBe('级别');
    expect(c.get('B2')!.value).toBe(`${S1}!I6`);
    expect(c.get('C3')!.value).toBe('42');
    expect(c.get('C3')!.t).toBe('n');
    const links = children(child(sheet, 'hyperlinks'), 'hyperlink').map((h) => [h.attrs.ref, h.attrs.location]);
    expect(links).toEqual([
      ['B2', `'${S1}'!I6`],
      ['B3', `'${S1}'!B6`],
    ]);
    const widths = children(child(sheet, 'cols'), 'col').map((col) => [col.attrs.min, Number(col.attrs.width)]);
    expect(widths).toEqual([
      ['1', 8],
      ['2', 30],
      ['3', 60],
    ]);
    const styles = parseXml(text(outParts, 'xl/styles.xml'));
    const xf = children(child(styles, 'cellXfs'), 'xf')[Number(c.get('A1')!.s)];
    const font = children(child(styles, 'fonts'), 'font')[Number(xf.attrs.fontId)];
    expect(child(font, 'b')).toBeDefined();
    for (const sv of child(child(sheet, 'sheetViews')!, 'sheetView') ? [child(child(sheet, 'sheetViews')!, 'sheetView')!] : []) {
      expect(sv.attrs.tabSelected ?? '0').toBe('0');
    }
  });

  test('the output re-opens with exceljs and reads back the same values', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(output) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([S1, S2, '检查结果']);
    const a = await readWorkbook(input, 'in');
    const b = await readWorkbook(output, 'out');
    expect(b.sheets[0].values).toEqual(a.sheets[0].values);
    expect(b.sheets[1].values).toEqual(a.sheets[1].values);
    expect(b.sheets[0].merges).toEqual(a.sheets[0].merges);
    expect(b.sheets[1].merges).toEqual(a.sheets[1].merges);
    expect(b.sheets[0].numberFormats).toEqual(a.sheets[0].numberFormats);
    expect(b.sheets[0].formulas).toEqual({ D5: 'D6+D17+D29' });
    expect(b.sheets[2].values[0]).toEqual(['级别', '位置', '说明']);
  });
});
