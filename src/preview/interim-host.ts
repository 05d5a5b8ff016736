// TEMPORARY (until src/hosts/office + src/hosts/fake land): a WorkbookHost straight on the fake workbook model.
import type { ApplyReport, CellAddress, WorkbookHost } from '../hosts/workbook-host';
import type { WritePlan } from '../core/plan';
import { MARK_FILLS } from '../core/plan';
import { parseA1, toA1 } from '../core/a1';
import { cellAt, findSheet, newSheet, snapshotFromWorkbook, type FakeWorkbook, type FakeCell } from '../hosts/fake/model';

export class InterimHost implements WorkbookHost {
  readonly capabilities = { notes: true, ledger: 'memory' as const };
  private ledger = new Map<string, FakeCell>();
  private added: string[] = [];
  constructor(private wb: () => FakeWorkbook) {}
  async readWorkbook() {
    return snapshotFromWorkbook(this.wb(), 'preview');
  }
  async applyPlan(plan: WritePlan, o?: { replaceMarks?: boolean }): Promise<ApplyReport> {
    if (o?.replaceMarks) { const keep = this.added; await this.clearMarks(); this.added = keep; }
    const wb = this.wb();
    let marked = 0;
    let written = 0;
    for (const op of plan.ops) {
      if (op.op === 'mark') {
        const s = findSheet(wb, op.sheet)!;
        const p = parseA1(op.cell);
        const c = cellAt(s, p.row, p.col, true);
        const k = `${s.name}!${op.cell}`;
        if (!this.ledger.has(k)) this.ledger.set(k, JSON.parse(JSON.stringify(c)));
        c.fill = { color: `#${op.fill ?? MARK_FILLS[op.severity]}`, pattern: 'Solid' };
        c.note = { content: op.note, author: 'jixiao' };
        marked++;
      } else if (op.op === 'addSheet') {
        wb.sheets = wb.sheets.filter((s) => s.name !== op.name);
        const s = newSheet(wb, op.name);
        op.rows.forEach((row, r) => row.forEach((v, c) => { if (v.value !== null && v.value !== '') cellAt(s, r + 1, c + 1, true).value = v.value; }));
        wb.sheets.push(s);
        if (!this.added.includes(op.name)) this.added.push(op.name);
      } else if (op.op === 'setFormula' || op.op === 'setValue') {
        const s = findSheet(wb, op.sheet)!;
        const p = parseA1(op.cell);
        const c = cellAt(s, p.row, p.col, true);
        c.value = op.value;
        if (op.op === 'setFormula') c.formula = `=${op.formula}`;
        written++;
      }
    }
    return { marked, written, rowsInserted: 0, sheetsAdded: [], syncs: 1 };
  }
  async clearMarks() {
    const wb = this.wb();
    let cleared = 0;
    for (const [k, orig] of this.ledger) {
      const [sheet, a1] = k.split('!');
      const s = findSheet(wb, sheet);
      if (!s) continue;
      const p = parseA1(a1);
      const c = cellAt(s, p.row, p.col, true);
      c.fill = orig.fill;
      c.note = orig.note;
      cleared++;
    }
    this.ledger.clear();
    wb.sheets = wb.sheets.filter((s) => !this.added.includes(s.name));
    this.added = [];
    return { cleared };
  }
  async select(t: CellAddress) {
    const wb = this.wb();
    const p = parseA1(t.cell);
    wb.activeSheet = t.sheet;
    wb.selection = { sheet: t.sheet, range: { top: p.row, left: p.col, bottom: p.row, right: p.col } };
  }
  async getSelection() {
    const wb = this.wb();
    return { sheet: wb.selection.sheet, cell: toA1(wb.selection.range.top, wb.selection.range.left) };
  }
}
