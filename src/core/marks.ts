/** Findings → write plan: a mark (fill + note) on each finding's cell and the 检查结果 sheet. */
import type { Finding, Lang } from './findings';
import { REVIEW_CATEGORIES } from './findings';
import type { LinkCell, PlanOp, WritePlan } from './plan';
import { MARK_FILLS, NOTE_TAG } from './plan';
import { FINDINGS_SHEET_NAME, GENERATED_SHEET_MARKER, SEVERITY_LABEL } from './i18n';

const RANK = { error: 0, warning: 1, info: 2 } as const;

export function planMarks(findings: Finding[], lang: Lang, source = ''): WritePlan {
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
    const worst = list.reduce((a, b) => (RANK[b.severity] < RANK[a.severity] ? b : a));
    const lines = list.map((f) => `${SEVERITY_LABEL[f.severity][lang]}：${f.message[lang]}`);
    ops.push({ op: 'mark', sheet: worst.sheet, cell: worst.cell, severity: worst.severity, note: `${NOTE_TAG} ${lines.join('\n')}` });
  }
  ops.push(findingsSheet(findings, lang, source));
  return { ops };
}

const HEADERS: Record<Lang, string[]> = {
  'zh-CN': ['序号', '严重程度', '工作表', '单元格', '项目', '三级指标', '审核类别', '说明', '规则'],
  'en-US': ['No.', 'Severity', 'Sheet', 'Cell', 'Project', 'Indicator', 'Category', 'Message', 'Rule'],
};

function findingsSheet(findings: Finding[], lang: Lang, source: string): PlanOp {
  const rows: LinkCell[][] = [];
  rows.push([{ value: GENERATED_SHEET_MARKER }, { value: source }]);
  rows.push(HEADERS[lang].map((h) => ({ value: h, bold: true })));
  findings.forEach((f, i) => {
    rows.push([
      { value: i + 1 },
      { value: SEVERITY_LABEL[f.severity][lang], fill: MARK_FILLS[f.severity] },
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
