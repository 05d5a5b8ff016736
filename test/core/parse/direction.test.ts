import { parseDirection } from '../../../src/core/parse/direction';
import type { Direction } from '../../../src/core/model';

describe('parseDirection', () => {
  const cases: [string | null | undefined, Direction | null][] = [
    // 正向
    ['≥', 'gte'],
    ['≧', 'gte'],
    ['>=', 'gte'],
    ['＞＝', 'gte'],
    ['大于等于', 'gte'],
    ['大于或等于', 'gte'],
    ['不低于', 'gte'],
    ['不少于', 'gte'],
    ['正向', 'gte'],
    ['正向指标', 'gte'],
    ['>', 'gte'],
    ['＞', 'gte'],
    [' ≥ ', 'gte'],
    ['≥（正向）', 'gte'],
    // 反向
    ['≤', 'lte'],
    ['≦', 'lte'],
    ['<=', 'lte'],
    ['＜＝', 'lte'],
    ['小于等于', 'lte'],
    ['不高于', 'lte'],
    ['不超过', 'lte'],
    ['反向', 'lte'],
    ['反向指标', 'lte'],
    ['<', 'lte'],
    // 等于
    ['=', 'eq'],
    ['＝', 'eq'],
    ['等于', 'eq'],
    // 定性
    ['定性', 'qualitative'],
    ['定性指标', 'qualitative'],
    // nothing readable
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    ['定量', null],
    ['万元', null],
    ['≥≤', null],
    ['正向反向', null],
    ['定性=', null],
  ];
  test.each(cases)('%j → %j', (text, expected) => {
    expect(parseDirection(text)).toBe(expected);
  });

  test('seed directions (指标值类型 column)', () => {
    expect(['≤', '=', '定性', '≥'].map(parseDirection)).toEqual(['lte', 'eq', 'qualitative', 'gte']);
  });
});
