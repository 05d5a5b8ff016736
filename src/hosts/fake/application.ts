/** Application: calculation (Excel calculates formulas; the fake asks FakeExcelOptions.evaluate) and suspending it until the next sync. */
import { colToLetters } from '../../core/domain/a1';
import type { XlApplication } from '../office/excel-api';
import type { FakeBatch } from './sync';
import { ErrorCodes, FakeOfficeError } from './errors';
import { keyCol, keyRow } from './model';
import { FakeObject } from './proxy';

export class FakeApplication extends FakeObject implements XlApplication {
  constructor(ctx: FakeBatch) {
    super(ctx, 'workbook.application');
  }
  target(): unknown {
    return this.ctx.wb;
  }
  protected scalarNames(): string[] {
    return ['calculationMode'];
  }
  protected readScalar(name: string): unknown {
    if (name === 'calculationMode') return 'Automatic';
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `Application has no property ${name}.`);
  }
  /** Recalculate: the formulas written since the last calculation; Full: every formula. */
  calculate(calculationType: 'Recalculate' | 'Full' | 'FullRebuild'): void {
    this.call('calculate', [calculationType], () => {
      const fake = this.ctx.fake;
      const dirty = fake.takeDirty();
      if (!fake.options.evaluate) return;
      for (const s of this.ctx.wb.sheets) {
        const keys = calculationType === 'Recalculate' ? dirty.get(s) ?? new Set<number>() : new Set(s.cells.keys());
        for (const k of keys) {
          const c = s.cells.get(k);
          if (c?.formula === undefined) continue;
          const v = fake.evaluate(c.formula, s.name, `${colToLetters(keyCol(k))}${keyRow(k)}`);
          if (v !== undefined && v !== null) c.value = v;
        }
      }
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    if (!this.ctx.fake.isSetSupported('ExcelApi', '1.6')) throw new FakeOfficeError(ErrorCodes.apiNotFound, 'suspendApiCalculationUntilNextSync needs ExcelApi 1.6.');
    this.ctx.suspend = true;
    this.call('suspendApiCalculationUntilNextSync', null, () => undefined);
  }
}
