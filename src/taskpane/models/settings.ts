/** The pane's settings: review profile, language, mark colours. Kept per user in localStorage. */
import type { Lang, Severity } from '../../core/check/findings';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, parseProfile, type Profile } from '../../core/profile';
import { MARK_FILLS } from '../../core/plan/conventions';

export type LanguageSetting = 'auto' | Lang;

export interface Settings {
  /** A built-in profile id, or 'custom' for `customProfile`. */
  profileId: string;
  customProfile: Profile | null;
  language: LanguageSetting;
  /** Fill colours (RRGGBB) of marks by severity. */
  colours: Record<Severity, string>;
}

const KEY = 'jixiao.settings.v1';

export const DEFAULT_SETTINGS: Settings = {
  profileId: DEFAULT_PROFILE_ID,
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
    const profileId = s.profileId === 'custom' ? (customProfile ? 'custom' : DEFAULT_PROFILE_ID) : s.profileId && BUILTIN_PROFILES[s.profileId] ? s.profileId : DEFAULT_PROFILE_ID;
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

export function activeProfile(s: Settings): Profile {
  if (s.profileId === 'custom' && s.customProfile) return s.customProfile;
  return BUILTIN_PROFILES[s.profileId] ?? BUILTIN_PROFILES[DEFAULT_PROFILE_ID];
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

