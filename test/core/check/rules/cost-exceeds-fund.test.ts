/**
 * cost-exceeds-fund: a cost target does not exceed the project's 资金总额 (in 万元). Targets in 元, 千元
 * and 亿元 are converted: the cases sit either side of the fund, so a wrong factor fails one of them.
 */
import { ruleTable, CLEAN } from './harness';

// cost (row 3): 公车管理成本控制, target '40', unit 万元, ≤; the fund is 40 万元.
ruleTable('cost-exceeds-fund', [
  { name: 'cost equal to the fund', project: CLEAN, expect: [] },
  { name: '57.6万元 against a fund of 40', project: CLEAN.with({ cost: { target: '57.6万元', unit: '万元' } }), expect: ['I3'] },
  { name: 'in 元: 576000元 against 40 万元', project: CLEAN.with({ cost: { target: '576000', unit: '元' } }), expect: ['I3'] },
  { name: 'in 元 below the fund', project: CLEAN.with({ cost: { target: '390000', unit: '元' } }), expect: [] },
  { name: 'in 千元: 401千元 (40.1 万元) against 40 万元', project: CLEAN.with({ cost: { target: '401千元', unit: '万元' } }), expect: ['I3'] },
  { name: 'in 千元 below the fund: 399 千元 (39.9 万元)', project: CLEAN.with({ cost: { target: '399', unit: '千元' } }), expect: [] },
  { name: 'in 千元, unit column: 401 千元', project: CLEAN.with({ cost: { target: '401', unit: '千元' } }), expect: ['I3'] },
  { name: 'in 亿元: 0.0041亿元 (41 万元) against 40 万元', project: CLEAN.with({ cost: { target: '0.0041亿元', unit: '万元' } }), expect: ['I3'] },
  { name: 'in 亿元 below the fund: 0.0039 亿元 (39 万元)', project: CLEAN.with({ cost: { target: '0.0039', unit: '亿元' } }), expect: [] },
  { name: 'in 亿元, unit column: 0.0041 亿元', project: CLEAN.with({ cost: { target: '0.0041', unit: '亿元' } }), expect: ['I3'] },
]);
