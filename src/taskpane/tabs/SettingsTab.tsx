import { useRef } from 'react';
import { Button, Caption1, Divider, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../core/check/findings';
import { BUILTIN_PROFILES } from '../../core/profile';
import { MARK_FILLS } from '../../core/plan/conventions';
import { usePane } from '../context';
import { AUTO_PROFILE, activeProfile, profileFromJson, type LanguageSetting } from '../models/settings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '14px' },
  muted: { color: tokens.colorNeutralForeground3 },
  colours: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'center' },
  colour: { display: 'flex', alignItems: 'center', gap: '4px' },
  swatch: { width: '36px', height: '24px', padding: 0, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusSmall, cursor: 'pointer' },
  file: { fontSize: tokens.fontSizeBase200 },
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  hint: { overflowWrap: 'anywhere' },
});

export default function SettingsTab() {
  const s = useStyles();
  const { t, lang, host, settings, setSettings, setCheck, busy, run, notify } = usePane();
  const fileRef = useRef<HTMLInputElement>(null);
  const profile = activeProfile(settings);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const p = profileFromJson(await file.text(), file.name);
      setSettings({ ...settings, profileId: 'custom', customProfile: p });
      notify({ intent: 'success', text: t.profileLoaded(lang === 'en-US' ? (p.nameEn ?? p.name) : p.name) });
    } catch (e) {
      notify({ intent: 'error', text: (e as Error).message });
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const setColour = (sev: Severity, value: string) => {
    setSettings({ ...settings, colours: { ...settings.colours, [sev]: value.replace(/^#/, '').toUpperCase() } });
  };

  const clear = async () => {
    const r = await run('clear', () => host.clearMarks());
    if (r) {
      setCheck(null);
      notify({ intent: 'success', text: t.cleared(r.cleared) });
    }
  };

  return (
    <div className={s.root}>
      <Field label={t.profile} hint={{ children: profile ? (lang === 'en-US' ? (profile.nameEn ?? profile.name) : profile.name) : t.profileAutoHint, className: s.hint }}>
        <Select
          className={s.select}
          data-testid="profile-select"
          value={settings.profileId}
          onChange={(_, d) => setSettings({ ...settings, profileId: d.value })}
        >
          <option value={AUTO_PROFILE}>{t.profileAuto}</option>
          {Object.values(BUILTIN_PROFILES).map((p) => (
            <option key={p.id} value={p.id}>
              {lang === 'en-US' ? (p.nameEn ?? p.name) : p.name}
            </option>
          ))}
          {settings.customProfile && <option value="custom">{`${t.profileCustom}: ${settings.customProfile.id}`}</option>}
        </Select>
      </Field>
      <Field label={t.profileFile}>
        <div>
          <Button size="small" onClick={() => fileRef.current?.click()}>
            {t.chooseFile}
          </Button>
          <input
            ref={fileRef}
            className={s.file}
            type="file"
            hidden
            accept=".json,application/json"
            data-testid="profile-file"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </div>
      </Field>

      <Field label={t.language}>
        <Select
          className={s.select}
          data-testid="language-select"
          value={settings.language}
          onChange={(_, d) => setSettings({ ...settings, language: d.value as LanguageSetting })}
        >
          <option value="auto">{t.languageAuto}</option>
          <option value="zh-CN">中文（简体）</option>
          <option value="en-US">English</option>
        </Select>
      </Field>

      <Field label={t.markColours}>
        <div className={s.colours}>
          {(['error', 'warning', 'info'] as const).map((sev) => (
            <label key={sev} className={s.colour}>
              <input
                type="color"
                className={s.swatch}
                data-testid={`colour-${sev}`}
                value={`#${settings.colours[sev]}`}
                onChange={(e) => setColour(sev, e.target.value)}
              />
              <Text size={200}>{sev === 'error' ? t.errors : sev === 'warning' ? t.warnings : t.infos}</Text>
            </label>
          ))}
          <Button size="small" appearance="subtle" onClick={() => setSettings({ ...settings, colours: { ...MARK_FILLS } })}>
            {t.resetColours}
          </Button>
        </div>
      </Field>

      <Divider />
      <Caption1 className={s.muted}>{t.clearIntro}</Caption1>
      <div>
        <Button data-testid="clear-button" onClick={clear} disabled={busy !== null}>
          {busy === 'clear' ? t.clearing : t.clearButton}
        </Button>
      </div>

      <Divider />
      <Caption1 className={s.muted}>
        {t.capabilities}: {host.capabilities.notes ? t.notesSupported : t.notesUnsupported}
      </Caption1>
    </div>
  );
}
