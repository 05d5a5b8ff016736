import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Button,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { Lang } from '../core/check/findings';
import type { WorkbookHost } from '../hosts/workbook-host';
import { PaneContext, errorText, type CheckState, type Notice, type PaneContextValue } from './context';
import { STRINGS } from './strings';
import { loadSettings, saveSettings, type Settings } from './models/settings';
import CheckTab from './tabs/CheckTab';
import SettingsTab from './tabs/SettingsTab';

// The score and insert tabs (and the scoring and template engines behind them) load when first opened.
const ScoreTab = lazy(() => import(/* webpackChunkName: "score" */ './tabs/ScoreTab'));
const InsertTab = lazy(() => import(/* webpackChunkName: "insert" */ './tabs/InsertTab'));

type TabId = 'check' | 'score' | 'insert' | 'settings';

const useStyles = makeStyles({
  provider: { minHeight: '100%', backgroundColor: tokens.colorNeutralBackground1 },
  root: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: '100vh', boxSizing: 'border-box' },
  header: { padding: '8px 12px 0 12px' },
  body: { padding: '12px', flexGrow: 1, overflowY: 'auto', overflowX: 'hidden', minWidth: 0 },
  notice: { margin: '8px 12px 0 12px' },
});

export interface AppProps {
  host: WorkbookHost;
  /** Language from Office.context.displayLanguage (used when the setting is 'auto'). */
  officeLang: Lang;
  dark?: boolean;
}

export function App({ host, officeLang, dark = false }: AppProps) {
  const s = useStyles();
  const [settings, setSettingsState] = useState<Settings>(loadSettings);
  const [tab, setTab] = useState<TabId>('check');
  const [check, setCheck] = useState<CheckState | null>(null);
  const [tabState, setTabStateAll] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const lang: Lang = settings.language === 'auto' ? officeLang : settings.language;
  const t = STRINGS[lang];

  const setSettings = useCallback((next: Settings) => {
    setSettingsState(next);
    saveSettings(next);
  }, []);
  const setTabState = useCallback((k: string, v: unknown) => setTabStateAll((prev) => ({ ...prev, [k]: v })), []);

  const run = useCallback(
    async <T,>(what: string, action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(what);
      // Moving the selection or reading it keeps the message of the action before.
      if (what !== 'select' && what !== 'read') setNotice(null);
      try {
        return await action();
      } catch (e) {
        // A host's or planner's own refusal is shown in the pane; anything else is also a bug worth a console entry.
        if (!(e && typeof e === 'object' && 'messages' in e)) console.error(e);
        setNotice({ intent: 'error', text: errorText(e, lang) });
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [lang],
  );

  const value = useMemo<PaneContextValue>(
    () => ({ host, lang, t, settings, setSettings, check, setCheck, tabState, setTabState, busy, run, notify: setNotice }),
    [host, lang, t, settings, setSettings, check, tabState, setTabState, busy, run],
  );

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={s.provider} lang={lang}>
      <PaneContext.Provider value={value}>
        <div className={s.root} data-testid="pane" data-lang={lang} data-busy={busy ?? ''}>
          <div className={s.header}>
            <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="medium">
              <Tab value="check" data-testid="tab-check">
                {t.tabCheck}
              </Tab>
              <Tab value="score" data-testid="tab-score">
                {t.tabScore}
              </Tab>
              <Tab value="insert" data-testid="tab-insert">
                {t.tabInsert}
              </Tab>
              <Tab value="settings" data-testid="tab-settings">
                {t.tabSettings}
              </Tab>
            </TabList>
          </div>
          {notice && (
            <MessageBar intent={notice.intent} className={s.notice} data-testid="notice" data-intent={notice.intent}>
              <MessageBarBody>{notice.text}</MessageBarBody>
              <MessageBarActions containerAction={<Button appearance="transparent" size="small" aria-label={t.dismiss} onClick={() => setNotice(null)}>×</Button>} />
            </MessageBar>
          )}
          <div className={s.body}>
            <Suspense fallback={<Spinner size="small" label={t.loading} />}>
              {tab === 'check' && <CheckTab />}
              {tab === 'score' && <ScoreTab />}
              {tab === 'insert' && <InsertTab />}
              {tab === 'settings' && <SettingsTab />}
            </Suspense>
          </div>
        </div>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
