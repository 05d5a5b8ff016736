/** --profile NAME|FILE: a built-in profile by id, or a JSON file validated by the profile schema. */
import { promises as fs } from 'node:fs';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, parseProfile, type Profile } from '../core/profile';

/**
 * The profile --profile names, or null when none is named: then each workbook's tables choose theirs
 * (`resolveProfile` in core/profile.ts), and the output says which and why.
 */
export async function loadNamedProfile(arg: string | undefined): Promise<Profile | null> {
  return arg === undefined ? null : loadProfile(arg);
}

/** The run's profile id for a JSON document: the named one, the one every file chose, else `auto`. */
export function runProfileId(named: Profile | null, chosen: string[]): string {
  if (named) return named.id;
  const ids = [...new Set(chosen)];
  return ids.length === 1 ? ids[0] : 'auto';
}

export async function loadProfile(arg: string | undefined): Promise<Profile> {
  const id = arg ?? DEFAULT_PROFILE_ID;
  if (BUILTIN_PROFILES[id]) return BUILTIN_PROFILES[id];
  let text: string;
  try {
    text = await fs.readFile(id, 'utf8');
  } catch {
    throw new UsageError(
      `配置「${id}」既不是内置配置（${Object.keys(BUILTIN_PROFILES).join('、')}）也不是可读的文件 / profile "${id}" is neither a built-in (${Object.keys(BUILTIN_PROFILES).join(', ')}) nor a readable file`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`配置文件 ${id} 不是有效的 JSON / profile file ${id} is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return parseProfile(json, id);
  } catch (e) {
    throw new UsageError(`配置文件无效 / invalid profile: ${(e as Error).message}`);
  }
}

export class UsageError extends Error {}
