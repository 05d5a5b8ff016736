/** The README documents every rule and starts with the two set-up commands. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../src/core/check/rules';

const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

test('every rule id is in the README table', () => {
  const missing = ALL_RULES.filter((r) => !readme.includes(`| \`${r.id}\` |`)).map((r) => r.id);
  expect(missing).toEqual([]);
});

test('the first code block sets up and runs the example, then the tests', () => {
  const block = /```sh\n([\s\S]*?)```/.exec(readme)![1];
  const lines = block.split('\n').filter((l) => l.trim());
  expect(lines[0]).toMatch(/^npm install && npx jixiao check examples\/hengyang-2024\.xlsx/);
  expect(lines[1]).toMatch(/^npm test/);
});
