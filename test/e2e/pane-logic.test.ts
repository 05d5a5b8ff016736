/** The task pane's logic without a browser: grouping, settings, colours, the preview's replay and number display. */
import type { Finding } from '../../src/core/check/findings';
import type { AddSheetOp } from '../../src/core/plan/ops';
import { planMarks } from '../../src/core/check/marks';
import { MARK_FILLS } from '../../src/core/plan/conventions';
import { countFindings, filterFindings, groupFindings } from '../../src/taskpane/models/check-model';
import { loadSettings, profileFromJson, activeProfile, profileFor, DEFAULT_SETTINGS } from '../../src/taskpane/models/settings';
import { workbookContext } from '../../src/core/workbook';
import { FIXTURES } from '../fixtures/catalog';
import { langFromDisplay, STRINGS } from '../../src/taskpane/strings';
import { replayPlan, type LogEntry } from '../../src/preview/recorder';
import { displayText } from '../../src/preview/format';

function finding(p: Partial<Finding>): Finding {
  return { id: 'r', severity: 'error', category: 'other', sheet: 'S', cell: 'A1', row: 1, project: null, indicator: null, message: { 'zh-CN': '中', 'en-US': 'en' }, ...p };
}

describe('findings in the pane', () => {
  const fs = [
    finding({ project: 'P1', severity: 'error', cell: 'B2', row: 2 }),
    finding({ project: 'P1', severity: 'info', cell: 'B3', row: 3 }),
    finding({ project: null, severity: 'warning', cell: 'A9', row: 9 }),
    finding({ project: 'P2', severity: 'warning', cell: 'B10', row: 10 }),
    finding({ sheet: 'T', project: 'P1', severity: 'error', cell: 'C4', row: 4 }),
  ];
  it('groups by sheet and project in order, with counts', () => {
    const g = groupFindings(fs);
    expect(g.map((x) => `${x.sheet}/${x.project}`)).toEqual(['S/P1', 'S/null', 'S/P2', 'T/P1']);
    expect(g[0].counts).toEqual({ error: 1, warning: 0, info: 1 });
    expect(countFindings(fs)).toEqual({ error: 2, warning: 2, info: 1 });
  });
  it('filters by severity', () => {
    expect(filterFindings(fs, { error: true, warning: false, info: false }).map((f) => f.cell)).toEqual(['B2', 'C4']);
  });
});

describe('settings', () => {
  it('start from the defaults without storage', () => {
    expect(loadSettings()).toEqual(DEFAULT_SETTINGS);
    // By default the tables choose the profile, as the command line does without --profile.
    expect(activeProfile(DEFAULT_SETTINGS)).toBeNull();
    expect(activeProfile({ ...DEFAULT_SETTINGS, profileId: 'national' })?.id).toBe('national');
  });
  it('choose the profile from the tables by default, and use a named one as given', () => {
    const oldBook = FIXTURES.find((f) => f.id === 'old-framework-national')!.book;
    const { model } = workbookContext(oldBook);
    const auto = profileFor(DEFAULT_SETTINGS, model);
    expect(auto.profile.id).toBe('national');
    expect(auto.choice?.reason['zh-CN']).toContain('旧框架');
    const named = profileFor({ ...DEFAULT_SETTINGS, profileId: 'hunan' }, model);
    expect([named.profile.id, named.choice]).toEqual(['hunan', null]);
  });
  it('read a profile file through the schema, naming the bad field', () => {
    expect(() => profileFromJson('{', 'p.json')).toThrow(/p\.json.*JSON/);
    expect(() => profileFromJson(JSON.stringify({ id: 'x', name: 'x', framework: 'new', weights: { indicatorTotal: -1, budgetExecution: 10 } }), 'p.json')).toThrow(
      /weights\.indicatorTotal/,
    );
    const p = profileFromJson(JSON.stringify({ id: 'x', name: 'x', framework: 'old', weights: { indicatorTotal: 90, budgetExecution: 10 } }), 'p.json');
    expect(p.moneyTolerance).toBe(0.005);
  });
  it('colour the marks and the 检查结果 severity cells with the chosen colours (the defaults when none are chosen)', () => {
    const findings: Finding[] = [
      { id: 'r', severity: 'error', category: 'other', sheet: 'S', cell: 'A1', row: 1, project: null, indicator: null, message: { 'zh-CN': 'n', 'en-US': 'n' } },
      { id: 'r', severity: 'info', category: 'other', sheet: 'S', cell: 'A2', row: 2, project: null, indicator: null, message: { 'zh-CN': 'n', 'en-US': 'n' } },
    ];
    const byDefault = planMarks(findings, 'zh-CN');
    expect(byDefault.ops[0]).toMatchObject({ op: 'mark', fill: MARK_FILLS.error });
    expect(byDefault.ops[1]).toMatchObject({ op: 'mark', fill: MARK_FILLS.info });
    const out = planMarks(findings, 'zh-CN', '', { ...MARK_FILLS, error: 'E0C8FF' });
    expect(out.ops[0]).toMatchObject({ op: 'mark', fill: 'E0C8FF' });
    expect(out.ops[1]).toMatchObject({ op: 'mark', fill: MARK_FILLS.info });
    const sheet = out.ops[2] as AddSheetOp;
    expect(sheet.rows[2][1]).toMatchObject({ fill: 'E0C8FF' });
    expect(sheet.rows[3][1]).toMatchObject({ fill: MARK_FILLS.info });
  });
  it('pick the pane language from Office: Chinese first', () => {
    expect(langFromDisplay('zh-CN')).toBe('zh-CN');
    expect(langFromDisplay('zh-TW')).toBe('zh-CN');
    expect(langFromDisplay('en-GB')).toBe('en-US');
    expect(langFromDisplay(undefined)).toBe('zh-CN');
    expect(Object.keys(STRINGS['en-US']).sort()).toEqual(Object.keys(STRINGS['zh-CN']).sort());
  });
});

describe("the preview's download replay", () => {
  const mark = (cell: string) => ({ op: 'mark' as const, sheet: 'S', cell, severity: 'error' as const, note: 'n' });
  const sheet = { op: 'addSheet' as const, name: '检查结果', rows: [] };
  const formula = { op: 'setFormula' as const, sheet: 'S', cell: 'P6', formula: '1+1', value: 2 };
  it('drops what a clear undid and keeps formulas and rows', () => {
    const log: LogEntry[] = [
      { kind: 'plan', plan: { ops: [mark('A1'), sheet] }, replaceMarks: true },
      { kind: 'plan', plan: { ops: [formula] }, replaceMarks: false },
      { kind: 'clear' },
    ];
    expect(replayPlan(log).ops).toEqual([formula]);
  });
  it('lets a new check replace the marks of the one before', () => {
    const log: LogEntry[] = [
      { kind: 'plan', plan: { ops: [mark('A1'), mark('A2'), sheet] }, replaceMarks: true },
      { kind: 'plan', plan: { ops: [mark('A2'), sheet] }, replaceMarks: true },
    ];
    expect(replayPlan(log).ops).toEqual([sheet, mark('A2'), sheet]);
  });
});

describe('numbers in the preview grid', () => {
  it('show as Excel shows them for the formats tables use', () => {
    expect(displayText({ value: 0.955, numberFormat: '0.0%' })).toBe('95.5%');
    expect(displayText({ value: 133, numberFormat: '0.00' })).toBe('133.00');
    expect(displayText({ value: 45657, numberFormat: 'yyyy-mm-dd' })).toBe('2024-12-31');
    expect(displayText({ value: 45657, numberFormat: 'yyyy"年"m"月"d"日"' })).toBe('2024-12-31');
    expect(displayText({ value: 1234.5, numberFormat: '#,##0.00' })).toBe('1,234.50');
    expect(displayText({ value: 0.1 + 0.2 })).toBe('0.3');
    expect(displayText({ value: true })).toBe('TRUE');
    expect(displayText(undefined)).toBe('');
  });
});
