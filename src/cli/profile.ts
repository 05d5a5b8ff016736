/** --profile NAME|FILE: a built-in profile by id, or a JSON file validated by the profile schema. */
import { promises as fs } from 'node:fs';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, parseProfile, type Profile } from '../core/profile';

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
