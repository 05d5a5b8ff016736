import { useMemo, useState } from 'react';
import { Badge, Button, Caption1, Spinner, Text, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/check/findings';
import { REVIEW_CATEGORIES } from '../../core/check/findings';
import { usePane } from '../context';
import { countFindings, filterFindings, findingKey, groupFindings, runPaneCheck, type Counts } from '../models/check-model';

const PAGE = 200;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  intro: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  summary: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '8px',
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  thNum: { textAlign: 'right', fontWeight: tokens.fontWeightSemibold, padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  td: { padding: '2px 4px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '160px' },
  tdNum: { padding: '2px 4px', textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  totalRow: { fontWeight: tokens.fontWeightSemibold, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  list: { display: 'flex', flexDirection: 'column', gap: '10px' },
  groupHead: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    padding: '4px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  groupName: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: '8px',
    rowGap: '2px',
    width: '100%',
    textAlign: 'left',
    padding: '6px 8px',
    border: 'none',
    borderLeft: '3px solid transparent',
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  itemSelected: { backgroundColor: tokens.colorNeutralBackground1Selected, borderLeftColor: tokens.colorBrandStroke1 },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  message: { gridColumn: '1 / span 2', lineHeight: tokens.lineHeightBase300 },
  meta: { gridColumn: '1 / span 2', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = usePane();
  const label = severity === 'error' ? t.sevError : severity === 'warning' ? t.sevWarning : t.sevInfo;
  return (
    <Badge appearance="filled" color={BADGE[severity]} size="small">
      {label}
    </Badge>
  );
}

export default function CheckTab() {
  const s = useStyles();
  const { t, lang, host, settings, check, setCheck, busy, run, notify } = usePane();
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [selected, setSelected] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);

  const doCheck = async () => {
    const state = await run('check', () => runPaneCheck(host, settings, lang));
    if (state) {
      setCheck(state);
      setSelected(null);
      setLimit(PAGE);
      const n = state.result.findings.length;
      notify({ intent: n ? 'warning' : 'success', text: `${t.findingsCount(n)} · ${t.marked(state.report.marked)}` });
    }
  };

  const findings = check?.result.findings ?? [];
  const visible = useMemo(() => filterFindings(findings, shown), [findings, shown]);
  const groups = useMemo(() => groupFindings(visible.slice(0, limit)), [visible, limit]);
  const totals = useMemo(() => countFindings(findings), [findings]);
  const projectRows = useMemo(() => (check ? summaryRows(check.result.findings, check.result.model, t.tableLevel) : []), [check, t.tableLevel]);
  const tableCount = check ? check.result.model.sheets.reduce((n, sh) => n + sh.tables.length, 0) : 0;

  const select = async (f: Finding) => {
    setSelected(findingKey(f));
    await run('select', () => host.select({ sheet: f.sheet, cell: f.cell }));
  };

  return (
    <div className={s.root}>
      <Caption1 className={s.intro}>{t.checkIntro}</Caption1>
      <div className={s.row}>
        <Button appearance="primary" data-testid="check-button" onClick={doCheck} disabled={busy !== null}>
          {busy === 'check' ? t.checking : t.checkButton}
        </Button>
        {busy === 'check' && <Spinner size="tiny" />}
        {check && (
          <Caption1>
            {t.checkedAt} {check.at.toLocaleTimeString(lang)}
          </Caption1>
        )}
      </div>

      {check && (
        <div className={s.summary} data-testid="summary">
          <Text weight="semibold">{t.summary}</Text>
          {check.profileChoice && (
            <Caption1 data-testid="profile-chosen">{t.profileChosen(check.profileChoice.name[lang], check.profileChoice.points, check.profileChoice.fromTable)}</Caption1>
          )}
          {tableCount === 0 ? (
            <Text>{t.noTables}</Text>
          ) : (
            <table className={s.table}>
              <thead>
                <tr>
                  <th className={s.th}>{t.project}</th>
                  <th className={s.thNum}>{t.errors}</th>
                  <th className={s.thNum}>{t.warnings}</th>
                  <th className={s.thNum}>{t.infos}</th>
                </tr>
              </thead>
              <tbody>
                {projectRows.map((r) => (
                  <tr key={r.key} data-testid="summary-row">
                    <td className={s.td} title={r.name}>
                      {r.name}
                    </td>
                    <td className={s.tdNum}>{r.counts.error}</td>
                    <td className={s.tdNum}>{r.counts.warning}</td>
                    <td className={s.tdNum}>{r.counts.info}</td>
                  </tr>
                ))}
                <tr className={s.totalRow}>
                  <td className={s.td}>{t.total}</td>
                  <td className={s.tdNum} data-testid="total-errors">
                    {totals.error}
                  </td>
                  <td className={s.tdNum} data-testid="total-warnings">
                    {totals.warning}
                  </td>
                  <td className={s.tdNum} data-testid="total-infos">
                    {totals.info}
                  </td>
                </tr>
              </tbody>
            </table>
          )}
        </div>
      )}

      {check && findings.length > 0 && (
        <div className={s.row} role="group" aria-label={t.filter}>
          <Caption1>{t.filter}:</Caption1>
          {(['error', 'warning', 'info'] as const).map((sev) => (
            <ToggleButton
              key={sev}
              size="small"
              checked={shown[sev]}
              data-testid={`filter-${sev}`}
              onClick={() => setShown({ ...shown, [sev]: !shown[sev] })}
            >
              {labelOf(sev, t)} {totals[sev]}
            </ToggleButton>
          ))}
        </div>
      )}

      {check && (
        <div className={s.list} data-testid="findings-list" role="list">
          {findings.length === 0 && <Text>{t.noFindings}</Text>}
          {groups.map((g) => (
            <section key={g.key} aria-label={g.project ?? t.tableLevel}>
              <div className={s.groupHead}>
                <span className={s.groupName} title={`${g.sheet} · ${g.project ?? t.tableLevel}`}>
                  {g.project ?? t.tableLevel}
                </span>
                <CountBadges counts={g.counts} />
              </div>
              {g.findings.map((f) => {
                const key = findingKey(f);
                return (
                  <button
                    key={key}
                    type="button"
                    role="listitem"
                    data-testid="finding-item"
                    data-severity={f.severity}
                    data-cell={`${f.sheet}!${f.cell}`}
                    aria-current={selected === key ? 'true' : undefined}
                    title={t.goTo}
                    className={mergeClasses(s.item, selected === key && s.itemSelected)}
                    onClick={() => void select(f)}
                  >
                    <SeverityBadge severity={f.severity} />
                    <span className={s.cell}>
                      {f.sheet}!{f.cell}
                      {f.indicator ? ` · ${f.indicator}` : ''}
                    </span>
                    <span className={s.message}>{f.message[lang]}</span>
                    <span className={s.meta}>
                      {REVIEW_CATEGORIES[f.category][lang]} · {f.id}
                    </span>
                  </button>
                );
              })}
            </section>
          ))}
          {visible.length > limit && (
            <Button appearance="subtle" onClick={() => setLimit(limit + PAGE)}>
              {t.showMore} ({visible.length - limit})
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

function labelOf(sev: Severity, t: ReturnType<typeof usePane>['t']): string {
  return sev === 'error' ? t.errors : sev === 'warning' ? t.warnings : t.infos;
}

function CountBadges({ counts }: { counts: Counts }) {
  return (
    <>
      {counts.error > 0 && (
        <Badge appearance="tint" color="danger" size="small">
          {counts.error}
        </Badge>
      )}
      {counts.warning > 0 && (
        <Badge appearance="tint" color="warning" size="small">
          {counts.warning}
        </Badge>
      )}
      {counts.info > 0 && (
        <Badge appearance="tint" color="informative" size="small">
          {counts.info}
        </Badge>
      )}
    </>
  );
}

interface SummaryRow {
  key: string;
  name: string;
  counts: Counts;
}

/** One row per project of every table (projects without findings too), then findings outside a project. */
function summaryRows(findings: Finding[], model: import('../../core/model').WorkbookModel, tableLevel: string): SummaryRow[] {
  const rows = new Map<string, SummaryRow>();
  for (const sheet of model.sheets) {
    for (const table of sheet.tables) {
      for (const p of table.projects) {
        const key = `${table.sheet}\u0000${p.name}`;
        if (!rows.has(key)) rows.set(key, { key, name: p.name, counts: { error: 0, warning: 0, info: 0 } });
      }
    }
  }
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.project ?? ''}`;
    let r = rows.get(key);
    if (!r) {
      r = { key, name: f.project ?? `${tableLevel} ${f.sheet}`, counts: { error: 0, warning: 0, info: 0 } };
      rows.set(key, r);
    }
    r.counts[f.severity]++;
  }
  return [...rows.values()];
}
