/**
 * The seed workbook the tests check against: ../shared/fixtures/hengyang-2024.xlsx, the reference beside
 * the project. A clone without ../shared uses the repository's copy, examples/hengyang-2024.xlsx, which
 * holds the same bytes (a test below asserts it when both are there).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SHARED = path.resolve(__dirname, '../../../shared/fixtures/hengyang-2024.xlsx');
export const BUNDLED_SEED = path.resolve(__dirname, '../../examples/hengyang-2024.xlsx');
export const SHARED_SEED: string | null = fs.existsSync(SHARED) ? SHARED : null;
export const SEED = SHARED_SEED ?? BUNDLED_SEED;
