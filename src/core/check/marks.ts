/** Findings → write plan: a mark (fill + note) on each finding's cell and the 检查结果 sheet. */
import type { Finding, Lang } from './findings';
import { REVIEW_CATEGORIES } from './findings';
import type { LinkCell, PlanOp, WritePlan } from '../plan/ops';
import { MARK_FILLS, NOTE_TAG, compareSeverity, type MarkColours } from '../plan/conventions';
import { FINDINGS_SHEET_NAME, GENERATED_SHEET_MARKER, SEVERITY_LABEL } from './i18n';

/** Marks and the 检查结果 sheet, painted in `colours` (the defaults, or the task pane's settings). */
export function planMarks(findings: Finding[], lang: Lang, source = '', colours: MarkColours = MARK_FILLS): WritePlan {
  const ops: PlanOp[] = [];
  // One mark per cell: the most severe finding's colour, every message in the note.
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = `${f.sheet}\u0000${f.cell}`;
    const list = byCell.get(k);
    if (list) list.push(f);
    else byCell.set(k, [f]);
  }
  for (const list of byCell.values()) {
    const worst = list.reduce((a, b) => (compareSeverity(b.severity, a.severity) < 0 ? b : a));
    const lines = list.map((f) => `${SEVERITY_LABEL[f.severity][lang]}：${f.message[lang]}`);
    ops.push({ op: 'mark', sheet: worst.sheet, cell: worst.cell, severity: worst.severity, fill: colours[worst.severity], note: `${NOTE_TAG} ${lines.join('\n')}` });
  }
  ops.push(findingsSheet(findings, lang, source, colours));
  return { ops };
}

const HEADERS: Record<Lang, string[]> = {
  'zh-CN': ['序号', '严重程度', '工作表', '单元格', '项目', '三级指标', '审核类别', '说明', '规则'],
  'en-US': ['No.', 'Severity', 'Sheet', 'Cell', 'Project', 'Indicator', 'Category', 'Message', 'Rule'],
};

function findingsSheet(findings: Finding[], lang: Lang, source: string, colours: MarkColours): PlanOp {
  const rows: LinkCell[][] = [];
  rows.push([{ value: GENERATED_SHEET_MARKER }, { value: source }]);
  rows.push(HEADERS[lang].map((h) => ({ value: h, bold: true })));
  findings.forEach((f, i) => {
    rows.push([
      { value: i + 1 },
      { value: SEVERITY_LABEL[f.severity][lang], fill: colours[f.severity] },
      { value: f.sheet },
      { value: f.cell, link: { sheet: f.sheet, cell: f.cell } },
      { value: f.project ?? '' },
      { value: f.indicator ?? '' },
      { value: REVIEW_CATEGORIES[f.category][lang] },
      { value: f.message[lang] },
      { value: f.id },
    ]);
  });
  if (findings.length === 0) rows.push([{ value: lang === 'zh-CN' ? '未发现问题' : 'No findings' }]);
  return { op: 'addSheet', name: FINDINGS_SHEET_NAME, rows, columnWidths: [6, 10, 22, 8, 26, 30, 20, 80, 28] };
}
