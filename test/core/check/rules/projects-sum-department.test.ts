/** projects-sum-department: the projects' 资金总额 add up to the department row's (row 3, D 资金总额). */
import { ruleTable, clean } from './harness';

const unit = (fund: number) => ({ name: '某局', fund });

ruleTable('projects-sum-department', [
  { name: '133 = 40 + 17 + 76', projects: [clean('a', 40), clean('b', 17), clean('c', 76)], department: unit(133), expect: [] },
  { name: 'decimals: 0.1 + 0.2 = 0.3', projects: [clean('a', 0.1), clean('b', 0.2)], department: unit(0.3), expect: [] },
  { name: '140 ≠ 133', projects: [clean('a', 40), clean('b', 17), clean('c', 76)], department: unit(140), expect: ['D3'] },
]);
