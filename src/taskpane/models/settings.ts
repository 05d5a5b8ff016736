/** The pane's settings: review profile, language, mark colours. Kept per user in localStorage. */
import type { Lang, Severity } from '../../core/check/findings';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, parseProfile, resolveProfile, type Profile, type ProfileChoice } from '../../core/profile';
import type { WorkbookModel } from '../../core/model';
import { MARK_FILLS } from '../../core/plan/conventions';

export type LanguageSetting = 'auto' | Lang;

export interface Settings {
  /** 'auto' (the tables choose: `chooseProfile`), a built-in profile id, or 'custom' for `customProfile`. */
  profileId: string;
  customProfile: Profile | null;
  language: LanguageSetting;
  /** Fill colours (RRGGBB) of marks by severity. */
  colours: Record<Severity, string>;
}

const KEY = 'jixiao.settings.v1';

/** The profile setting that lets each workbook's tables choose (their framework and points), as the CLI does without --profile. */
export const AUTO_PROFILE = 'auto';

export const DEFAULT_SETTINGS: Settings = {
  profileId: AUTO_PROFILE,
  customProfile: null,
  language: 'auto',
  colours: { ...MARK_FILLS },
};

const HEX = /^[0-9A-F]{6}$/;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (some Office web views in private mode)
  }
}

export function loadSettings(): Settings {
  const raw = storage()?.getItem(KEY);
  if (!raw) return { ...DEFAULT_SETTINGS, colours: { ...DEFAULT_SETTINGS.colours } };
  try {
    const s = JSON.parse(raw) as Partial<Settings>;
    let customProfile: Profile | null = null;
    if (s.customProfile) {
      try {
        customProfile = parseProfile(s.customProfile);
      } catch {
        customProfile = null;
      }
    }
    const colours = { ...MARK_FILLS };
    for (const k of ['error', 'warning', 'info'] as const) {
      const c = s.colours?.[k];
      if (typeof c === 'string' && HEX.test(c.toUpperCase())) colours[k] = c.toUpperCase();
    }
    const profileId =
      s.profileId === 'custom' ? (customProfile ? 'custom' : AUTO_PROFILE) : s.profileId && (s.profileId === AUTO_PROFILE || BUILTIN_PROFILES[s.profileId]) ? s.profileId : AUTO_PROFILE;
    const language: LanguageSetting = s.language === 'zh-CN' || s.language === 'en-US' ? s.language : 'auto';
    return { profileId, customProfile, language, colours };
  } catch {
    return { ...DEFAULT_SETTINGS, colours: { ...DEFAULT_SETTINGS.colours } };
  }
}

export function saveSettings(s: Settings): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(s));
  } catch {
    /* quota or blocked storage: settings last for this session only */
  }
}

/** The profile the settings name, or null when the tables choose ('auto'). */
export function activeProfile(s: Settings): Profile | null {
  if (s.profileId === AUTO_PROFILE) return null;
  if (s.profileId === 'custom' && s.customProfile) return s.customProfile;
  return BUILTIN_PROFILES[s.profileId] ?? BUILTIN_PROFILES[DEFAULT_PROFILE_ID];
}

/** The profile for a workbook: the one the settings name, else the one its tables call for (with the choice). */
export function profileFor(s: Settings, model: WorkbookModel): { profile: Profile; choice: ProfileChoice | null } {
  return resolveProfile(activeProfile(s), model);
}

/** Reads a profile from a JSON file's text; throws a message naming the bad field. */
export function profileFromJson(text: string, fileName: string): Profile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${fileName}: 不是有效的 JSON / not valid JSON (${(e as Error).message})`, { cause: e });
  }
  return parseProfile(data, fileName);
}

export function isHexColour(s: string): boolean {
  return HEX.test(s.replace(/^#/, '').toUpperCase());
}

