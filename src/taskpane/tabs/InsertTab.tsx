import { useEffect, useMemo, useState } from 'react';
import { Button, Caption1, Divider, Field, Input, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { SubcategoryKey } from '../../core/model';
import type { OpNote } from '../../core/edit/planner';
import { OpsError } from '../../core/edit/context';
import { usePane } from '../context';
import { insertTemplate, readTarget, templateGroups, type InsertTarget } from '../models/insert-model';
import { FixesSection } from './FixesSection';
import { runPaneCheck } from '../models/check-model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  muted: { color: tokens.colorNeutralForeground3 },
  target: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
  },
  targetText: { flexGrow: 1, minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    textAlign: 'left',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    padding: '6px 8px',
    cursor: 'pointer',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  itemSelected: { border: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  example: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, display: 'block', marginTop: '2px' },
  params: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '6px' },
  notes: { display: 'flex', flexDirection: 'column', gap: '2px', fontSize: tokens.fontSizeBase200 },
  refused: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export default function InsertTab() {
  const s = useStyles();
  const { t, lang, host, settings, busy, run, notify, check, setCheck } = usePane();
  const groups = useMemo(() => templateGroups(lang), [lang]);
  const [target, setTarget] = useState<InsertTarget | null>(null);
  const [where, setWhere] = useState<string | null>(null);
  const [sub, setSub] = useState<SubcategoryKey>(groups[0]?.key ?? 'quantity');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [weight, setWeight] = useState('');
  const [notes, setNotes] = useState<{ done: OpNote[]; refused: OpNote[]; warnings: OpNote[] } | null>(null);

  const group = groups.find((g) => g.key === sub) ?? groups[0];
  const template = group?.templates.find((x) => x.id === templateId) ?? null;

  const readSelection = async () => {
    const r = await run('read', () => readTarget(host));
    if (!r) return;
    setWhere(r.at ? `${r.at.sheet}!${r.at.cell}` : null);
    setTarget(r.target);
    if (r.target?.subcategory && groups.some((g) => g.key === r.target!.subcategory)) {
      setSub(r.target.subcategory);
      setTemplateId(null);
    }
  };

  // Once, when the tab opens (readSelection is a new function on every render; later reads are the user's).
  useEffect(() => {
    void readSelection();
  }, []);

  const pickTemplate = (id: string) => {
    setTemplateId(id);
    setValues({});
  };

  const doInsert = async () => {
    if (!target || !template) return;
    const vals: Record<string, string | number | undefined> = {};
    for (const p of template.params) {
      const v = values[p.name];
      if (v === undefined || v.trim() === '') continue;
      vals[p.name] = p.type === 'number' && Number.isFinite(Number(v)) ? Number(v) : v.trim();
    }
    const w = weight.trim() === '' ? undefined : Number(weight);
    const out = await run('insert', async () => {
      try {
        return await insertTemplate(host, settings, { target, subcategory: sub, template: template.id, values: vals, ...(w !== undefined && Number.isFinite(w) ? { weight: w } : {}) });
      } catch (e) {
        if (e instanceof OpsError) throw new Error(e.messages?.[lang] ?? e.message, { cause: e });
        throw e;
      }
    });
    if (!out) return;
    setNotes({ done: out.result.done, refused: out.result.refused, warnings: out.result.warnings });
    if (out.report) {
      const rows = out.result.inserted.reduce((n, x) => n + x.rows.length, 0);
      // Rows moved: a check on screen would point at the wrong cells, so check again.
      if (check) {
        const again = await run('check', () => runPaneCheck(host, settings, lang));
        if (again) setCheck(again);
      }
      notify({ intent: out.result.warnings.length ? 'warning' : 'success', text: t.inserted(rows) });
      const first = out.result.done.find((d) => d.sheet && d.cell);
      if (first) await run('select', () => host.select({ sheet: first.sheet!, cell: first.cell! }));
      await readSelection();
    } else {
      notify({ intent: 'error', text: out.result.refused.map((r) => r.message[lang]).join('；') || t.notInTable });
    }
  };

  return (
    <div className={s.root}>
      <Caption1 className={s.muted}>{t.insertIntro}</Caption1>
      <Field label={t.insertTarget}>
        <div className={s.target} data-testid="insert-target">
          <div className={s.targetText}>
            {target ? (
              <>
                <Text weight="semibold">{target.project}</Text>
                <Caption1 block>
                  {target.subcategoryName ?? '—'} · {target.sheet}!{target.cell}
                </Caption1>
              </>
            ) : (
              <Caption1>{where ? `${where}：${t.notInTable}` : t.noSelection}</Caption1>
            )}
          </div>
          <Button size="small" data-testid="read-selection" onClick={() => void readSelection()} disabled={busy !== null}>
            {t.refreshSelection}
          </Button>
        </div>
      </Field>

      <Field label={t.subcategory}>
        <Select
          data-testid="subcategory-select"
          value={sub}
          onChange={(_, d) => {
            setSub(d.value as SubcategoryKey);
            setTemplateId(null);
          }}
        >
          {groups.map((g) => (
            <option key={g.key} value={g.key}>
              {g.name} ({g.templates.length})
            </option>
          ))}
        </Select>
      </Field>

      <div className={s.list} role="listbox" aria-label={t.insertTemplates} data-testid="template-list">
        {group?.templates.map((x) => (
          <button
            key={x.id}
            type="button"
            role="option"
            aria-selected={x.id === templateId}
            data-testid="template-item"
            data-template={x.id}
            className={mergeClasses(s.item, x.id === templateId && s.itemSelected)}
            onClick={() => pickTemplate(x.id)}
          >
            <Text weight="semibold">{x.label}</Text>
            <span className={s.example}>
              {x.example.name} · {String(x.example.target)}
              {x.example.unit && !String(x.example.target).endsWith(x.example.unit) ? x.example.unit : ''}
            </span>
            <span className={s.example}>{x.example.rule}</span>
          </button>
        ))}
      </div>

      {template && (
        <div className={s.params}>
          {template.params.map((p) => (
            <Field key={p.name} label={p.label} size="small">
              <Input
                size="small"
                type={p.type === 'number' ? 'number' : 'text'}
                value={values[p.name] ?? ''}
                placeholder={String(p.default ?? p.sample)}
                data-testid={`param-${p.name}`}
                onChange={(_, d) => setValues({ ...values, [p.name]: d.value })}
              />
            </Field>
          ))}
          <Field label={t.weight} size="small">
            <Input size="small" type="number" value={weight} placeholder={t.weightAuto} data-testid="param-weight" onChange={(_, d) => setWeight(d.value)} />
          </Field>
        </div>
      )}

      <div>
        <Button appearance="primary" data-testid="insert-button" disabled={busy !== null || !target || !template} onClick={() => void doInsert()}>
          {busy === 'insert' ? t.inserting : t.insertButton}
        </Button>
      </div>

      {notes && (
        <div className={s.notes} data-testid="insert-notes">
          {notes.done.map((n, i) => (
            <span key={`d${i}`}>✓ {n.message[lang]}</span>
          ))}
          {notes.warnings.map((n, i) => (
            <span key={`w${i}`} className={s.warning}>
              ! {n.message[lang]}
            </span>
          ))}
          {notes.refused.map((n, i) => (
            <span key={`r${i}`} className={s.refused}>
              ✗ {n.message[lang]}
            </span>
          ))}
        </div>
      )}

      <Divider />
      <FixesSection />
    </div>
  );
}
