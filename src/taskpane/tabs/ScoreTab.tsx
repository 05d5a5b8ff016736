import { useMemo, useState } from 'react';
import { Badge, Button, Caption1, Checkbox, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/check/findings';
import type { Grade, ProjectScore } from '../../core/score';
import { usePane } from '../context';
import { CATEGORY_LABEL, categoryBars, reviewItems, runPaneScore, type CategoryBar, type ScoreOptionsUi, type ScoreState } from '../models/score-model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  options: { display: 'flex', flexDirection: 'column' },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '8px 10px',
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
  },
  head: { display: 'flex', alignItems: 'baseline', gap: '8px' },
  name: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  total: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  review: { display: 'flex', flexDirection: 'column', gap: '2px' },
  reviewItem: {
    textAlign: 'left',
    border: 'none',
    background: 'transparent',
    padding: '6px 8px',
    cursor: 'pointer',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    borderLeft: `3px solid ${tokens.colorPaletteYellowBorder2}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  cellRef: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const GRADE_COLOUR: Record<Grade, 'success' | 'brand' | 'warning' | 'danger'> = { 优: 'success', 良: 'brand', 中: 'warning', 差: 'danger' };

export default function ScoreTab() {
  const s = useStyles();
  const { t, lang, host, settings, busy, run, notify, tabState, setTabState } = usePane();
  const state = tabState.score as ScoreState | undefined;
  const [opts, setOpts] = useState<ScoreOptionsUi>({ overwrite: false, addActual: false });
  const review = useMemo(() => (state ? reviewItems(state.result, lang) : []), [state, lang]);

  const doScore = async () => {
    const r = await run('score', () => runPaneScore(host, settings, lang, opts));
    if (r) {
      setTabState('score', r);
      if (r.result.projects.length) {
        notify({ intent: 'success', text: t.written(r.report.written) });
      } else {
        // Nothing scored: say why (the CLI's hint names its option; the pane has a checkbox for it).
        const why = [...new Set(r.result.findings.map((f) => (f.id === 'score-no-actual-column' ? t.noActualColumn : f.message[lang])))];
        notify({ intent: 'warning', text: why.join('；') || t.noTables });
      }
    }
  };

  return (
    <div className={s.root}>
      <Caption1 className={s.muted}>{t.scoreIntro}</Caption1>
      <div className={s.options}>
        <Checkbox label={t.overwrite} checked={opts.overwrite} onChange={(_, d) => setOpts({ ...opts, overwrite: d.checked === true })} />
        <Checkbox label={t.addActual} checked={opts.addActual} onChange={(_, d) => setOpts({ ...opts, addActual: d.checked === true })} />
      </div>
      <div className={s.row}>
        <Button appearance="primary" data-testid="score-button" onClick={doScore} disabled={busy !== null}>
          {busy === 'score' ? t.scoring : t.scoreButton}
        </Button>
        {busy === 'score' && <Spinner size="tiny" />}
      </div>

      {state && (
        <div data-testid="score-results" className={s.root}>
          {state.result.projects.map((p) => (
            <ProjectCard key={`${p.sheet}:${p.firstRow}`} p={p} state={state} />
          ))}
          <Text weight="semibold">
            {t.needsReview} ({review.length})
          </Text>
          {review.length === 0 ? (
            <Caption1>{t.noReview}</Caption1>
          ) : (
            <div className={s.review} data-testid="review-list">
              {review.map((r) => (
                <button
                  key={`${r.sheet}!${r.cell}`}
                  type="button"
                  className={s.reviewItem}
                  data-testid="review-item"
                  data-cell={`${r.sheet}!${r.cell}`}
                  onClick={() => void run('select', () => host.select({ sheet: r.sheet, cell: r.cell }))}
                >
                  <div className={s.cellRef}>
                    {r.sheet}!{r.cell} · {r.project}
                  </div>
                  <div>
                    <b>{r.indicator}</b>：{r.reason}
                  </div>
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function ProjectCard({ p, state }: { p: ProjectScore; state: ScoreState }) {
  const s = useStyles();
  const { t, lang, host, run } = usePane();
  const bars = useMemo(() => categoryBars(p, state.result), [p, state]);
  return (
    <div className={s.card} data-testid="project-score" data-project={p.name}>
      <div className={s.head}>
        <span className={s.name} title={p.name}>
          {p.name}
        </span>
        <span className={s.total} data-testid="project-total">
          {p.total !== null ? fmt(p.total) : '—'}
        </span>
        {p.grade && (
          <Badge appearance="filled" color={GRADE_COLOUR[p.grade]} data-testid="project-grade">
            {p.grade}
          </Badge>
        )}
      </div>
      <Caption1 className={s.muted}>
        {p.total === null ? t.totalPending(fmt(p.partialTotal)) : `${t.scoreTotal} ${fmt(p.total)}${p.grade ? ` · ${t.grade} ${p.grade}` : ''}`}
        {p.totalCell && (
          <>
            {' · '}
            <Button appearance="transparent" size="small" onClick={() => void run('select', () => host.select({ sheet: p.sheet, cell: p.totalCell! }))}>
              {p.sheet}!{p.totalCell}
            </Button>
          </>
        )}
      </Caption1>
      <CategoryChart bars={bars} lang={lang} title={t.byCategory} />
    </div>
  );
}

/** Horizontal bars, one per 一级指标: the score over the category's 分值 (plain SVG). */
export function CategoryChart({ bars, lang, title }: { bars: CategoryBar[]; lang: Lang; title: string }) {
  const rowH = 22;
  const labelW = 78;
  const valueW = 70;
  const width = 320;
  const barW = width - labelW - valueW;
  const height = bars.length * rowH + 4;
  const max = Math.max(1, ...bars.map((b) => Math.max(b.weight, b.score)));
  return (
    <svg
      role="img"
      aria-label={title}
      data-testid="category-chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, display: 'block' }}
    >
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * rowH + 2;
        const full = (b.weight / max) * barW;
        const got = (b.score / max) * barW;
        const ratio = b.weight > 0 ? b.score / b.weight : 1;
        const colour = ratio >= 0.9 ? '#107C41' : ratio >= 0.6 ? '#C19C00' : '#C50F1F';
        return (
          <g key={b.key} data-category={b.key}>
            <text x={0} y={y + 14} fontSize={12} fill="currentColor">
              {CATEGORY_LABEL[b.key][lang]}
            </text>
            <rect x={labelW} y={y + 3} width={Math.max(full, 1)} height={rowH - 8} rx={2} fill="#E1E1E1" />
            <rect x={labelW} y={y + 3} width={got} height={rowH - 8} rx={2} fill={colour} />
            <text x={labelW + barW + 6} y={y + 14} fontSize={12} fill="currentColor">
              {fmt(b.score)}
              {b.weight ? ` / ${fmt(b.weight)}` : ''}
              {b.pending ? ' …' : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}
