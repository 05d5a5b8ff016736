import { Badge, Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core/check/findings';
import { usePane } from '../context';
import { applyFixes, fixable } from '../models/fix-model';
import { runPaneCheck } from '../models/check-model';
import { SeverityBadge } from './CheckTab';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  item: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    gap: '4px 8px',
    alignItems: 'center',
    padding: '6px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  where: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  label: { gridColumn: '1 / span 2', fontSize: tokens.fontSizeBase300 },
});

export function FixesSection() {
  const s = useStyles();
  const { t, lang, host, settings, check, setCheck, busy, run, notify } = usePane();
  const items = fixable(check?.result.findings ?? []);

  const fix = async (chosen: Finding[]) => {
    const out = await run('fix', async () => {
      const r = await applyFixes(host, settings, chosen);
      // Check again so that the list, the marks and the 检查结果 sheet show the workbook as it is now.
      const state = await runPaneCheck(host, settings, lang);
      return { r, state };
    });
    if (!out) return;
    setCheck(out.state);
    const applied = out.r.result.outcomes.filter((o) => o.status === 'applied').length;
    const refused = out.r.result.outcomes.filter((o) => o.status === 'refused');
    if (applied) notify({ intent: refused.length ? 'warning' : 'success', text: t.fixed(applied) + (refused.length ? `；${refused.flatMap((o) => o.notes.map((n) => n.message[lang])).join('；')}` : '') });
    else notify({ intent: 'error', text: refused.flatMap((o) => o.notes.map((n) => n.message[lang])).join('；') || t.fixGone });
  };

  return (
    <div className={s.root} data-testid="fixes">
      <Text weight="semibold">{t.fixes}</Text>
      {items.length === 0 ? (
        <Caption1>{t.noFixes}</Caption1>
      ) : (
        <>
          <div>
            <Button size="small" data-testid="fix-all-button" disabled={busy !== null || !items.some((f) => f.fix!.safe)} onClick={() => void fix([])}>
              {t.fixAllSafe}
            </Button>
          </div>
          {items.map((f) => (
            <div key={`${f.sheet}!${f.cell}#${f.id}`} className={s.item} data-testid="fix-item" data-cell={`${f.sheet}!${f.cell}`}>
              <span className={s.where}>
                <SeverityBadge severity={f.severity} /> {f.sheet}!{f.cell}
                {f.project ? ` · ${f.project}` : ''}
              </span>
              <Button size="small" data-testid="fix-button" disabled={busy !== null} onClick={() => void fix([f])}>
                {t.fixButton}
              </Button>
              <span className={s.label}>
                {f.fix!.label[lang]}{' '}
                {!f.fix!.safe && (
                  <Badge size="small" appearance="outline" color="warning">
                    {t.unsafe}
                  </Badge>
                )}
              </span>
            </div>
          ))}
        </>
      )}
    </div>
  );
}
