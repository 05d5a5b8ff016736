/** benefit-target-no: a 效益 indicator whose target is 否 or 无. */
import { ruleTable, CLEAN } from './harness';

// system (row 10) is 效益指标 / 可持续影响指标 / 管理制度健全性; accidents (row 9) is 效益指标 / 安全事故次数.
ruleTable('benefit-target-no', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: '否', project: CLEAN.with({ system: { target: '否' } }), expect: ['I10'] },
  { name: '无', project: CLEAN.with({ system: { target: '无' } }), expect: ['I10'] },
  { name: 'a harm whose absence is the effect (安全事故 否)', project: CLEAN.with({ accidents: { target: '否', direction: '定性' } }), expect: [] },
  { name: 'an output indicator answered 否 is not a 效益 one', project: CLEAN.with({ checks: { target: '否', direction: '定性' } }), expect: [] },
]);
