/** The `jixiao` command line: one file a command under commands/. */
import { Command, Option } from 'commander';
import { runCheckCommand, type CheckOpts } from './commands/check';
import { runScoreCommand, type ScoreOpts } from './commands/score';
import { runFixCommand, type FixOpts } from './commands/fix';
import { runInsertCommand, collect, type InsertOpts } from './commands/insert';
import { runTemplatesCommand, type TemplatesOpts } from './commands/templates';
import { runClearCommand, type ClearOpts } from './commands/clear';
import { UsageError } from './profile';
import { EXIT, defaultIo } from './common';

export { EXIT };

export function buildProgram(io = defaultIo(), setExit: (code: number) => void = (c) => (process.exitCode = c)): Command {
  const program = new Command();
  program
    .name('jixiao')
    .description('绩效目标表助手：检查、评分、补全绩效目标表 / check, score and complete performance target tables')
    .showHelpAfterError();
  program
    .command('check')
    .description('检查绩效目标表，列出问题 / check target tables and list the findings')
    .argument('<files...>', '.xlsx 文件或目录 / .xlsx files or directories')
    .option('--json', '输出 JSON / print one JSON document')
    .option('--out <path>', '写出标注副本（文件或目录）/ write a marked copy (file or directory)')
    .option('--profile <name|file>', '配置：hunan（默认）、national 或 JSON 文件 / profile: hunan (default), national or a JSON file')
    .addOption(new Option('--lang <lang>', '语言 / language').choices(['zh-CN', 'en-US']).default('zh-CN'))
    .action(async (files: string[], opts: CheckOpts) => {
      setExit(await runCheckCommand(files, opts, io));
    });
  program
    .command('score')
    .description('按评分标准为实际完成情况评分，写出带公式的评分副本 / score actual results by each row\'s rule and write a copy with live formulas')
    .argument('<files...>', '.xlsx 文件或目录 / .xlsx files or directories')
    .option('--out <path>', '评分副本写到哪里（文件或目录，必填）/ where the scored copy goes (file or directory; required)')
    .option('--json', '输出 JSON / print one JSON document')
    .option('--profile <name|file>', '配置：hunan（默认）、national 或 JSON 文件 / profile: hunan (default), national or a JSON file')
    .option('--overwrite', '改写已有得分 / replace scores already in the 得分 cells')
    .option('--add-actual', '表中没有实际完成值列时添加该列 / add a 实际完成值 column where a table has none')
    .addOption(new Option('--lang <lang>', '语言 / language').choices(['zh-CN', 'en-US']).default('zh-CN'))
    .action(async (files: string[], opts: ScoreOpts) => {
      setExit(await runScoreCommand(files, opts, io));
    });
  const lang = () => new Option('--lang <lang>', '语言 / language').choices(['zh-CN', 'en-US']).default('zh-CN');
  program
    .command('fix')
    .description('自动修复检查发现的问题（默认只做安全的修复），写出修复后的副本 / apply the fixes of the findings (the safe ones by default) to a copy')
    .argument('<file>', '.xlsx 文件 / an .xlsx file')
    .requiredOption('--out <path>', '修复后的副本（不会改写输入文件）/ where the fixed copy goes (the input is never changed)')
    .option('--only <ids>', '只做这些修复：规则或修复编号，逗号分隔（可含不安全的修复）/ only these fixes: rule or fix ids, comma-separated (unsafe ones allowed)')
    .option('--unsafe', '也做会改写已填内容的修复（改名、改指标值类型）/ also apply fixes that replace what was typed (renames, directions)')
    .option('--json', '输出 JSON / print one JSON document')
    .option('--profile <name|file>', '配置：hunan（默认）、national 或 JSON 文件 / profile: hunan (default), national or a JSON file')
    .option('--templates <file>', '自己的指标模板文件（扩展或覆盖内置模板）/ your own template file (extends or overrides the built-in one)')
    .addOption(lang())
    .action(async (file: string, opts: FixOpts) => {
      setExit(await runFixCommand(file, opts, io));
    });
  program
    .command('insert')
    .description('插入模板指标行、缺少的二级指标行、整个项目或实际完成值/得分列 / insert a template indicator row, a missing 二级 row, a whole project or the 实际完成值/得分 columns')
    .argument('<file>', '.xlsx 文件 / an .xlsx file')
    .requiredOption('--out <path>', '写出的副本（不会改写输入文件）/ where the copy goes (the input is never changed)')
    .option('--project <name>', '项目名称（整体支出表为单位名称）/ project name (the department\'s name in a 整体 table)')
    .option('--under <二级>', '二级指标：名称（时效指标）或编号（timeliness）/ 二级: its name or key')
    .option('--template <id>', '模板编号，见 jixiao templates / template id, see jixiao templates')
    .option('--set <name=value>', '模板参数，可重复 / a template param, repeatable', collect, [])
    .option('--weight <n>', '分值（默认取配置中该一级剩余的分值）/ weight (default: what the profile leaves for the 一级)')
    .option('--new-project <name>', '插入整个项目（各一级、二级指标行）/ insert a whole project (every 一级/二级 row)')
    .option('--after <name>', '新项目放在此项目之后（默认放在最后）/ put the new project after this one (default: last)')
    .option('--code <code>', '新项目的单位代码 / the new project\'s code')
    .option('--fund <n>', '新项目的资金总额（万元）/ the new project\'s fund (万元)')
    .option('--goal <text>', '新项目的绩效目标 / the new project\'s goal')
    .option('--with-indicators', '新项目按模板填入必备的三级指标 / fill the new project\'s required 二级 from the templates')
    .option('--score-columns', '在表格右侧添加实际完成值、得分列 / add the 实际完成值 and 得分 columns right of the table')
    .option('--sheet <name>', '工作表 / sheet')
    .option('--json', '输出 JSON / print one JSON document')
    .option('--profile <name|file>', '配置：hunan（默认）、national 或 JSON 文件 / profile: hunan (default), national or a JSON file')
    .option('--templates <file>', '自己的指标模板文件 / your own template file')
    .addOption(lang())
    .action(async (file: string, opts: InsertOpts) => {
      setExit(await runInsertCommand(file, opts, io));
    });
  program
    .command('clear')
    .description('清除 jixiao 的标记：还原被标记单元格的格式和批注，删除 jixiao 添加的工作表 / clear jixiao\'s marks: restore the marked cells\' formats and notes, remove the sheets jixiao added')
    .argument('<file>', '.xlsx 文件 / an .xlsx file')
    .requiredOption('--out <path>', '清除后的副本（不会改写输入文件）/ where the cleared copy goes (the input is never changed)')
    .option('--json', '输出 JSON / print one JSON document')
    .addOption(lang())
    .action(async (file: string, opts: ClearOpts) => {
      setExit(await runClearCommand(file, opts, io));
    });
  program
    .command('templates')
    .description('列出指标模板 / list the indicator templates')
    .option('--json', '输出 JSON / print one JSON document')
    .option('--under <二级>', '只列此二级指标的模板 / only the templates of this 二级')
    .option('--templates <file>', '自己的指标模板文件 / your own template file')
    .addOption(lang())
    .action(async (opts: TemplatesOpts) => {
      setExit(await runTemplatesCommand(opts, io));
    });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  // Usage errors (unknown option, missing argument) exit 2 for every command, not commander's 1,
  // which means "findings" here. Subcommands do not inherit the override, so each gets it.
  const usageExit = (err: { exitCode: number }) => process.exit(err.exitCode === 0 ? 0 : EXIT.unreadable);
  program.exitOverride(usageExit);
  for (const c of program.commands) c.exitOverride(usageExit);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`jixiao: ${e.message}\n`);
      process.exitCode = EXIT.unreadable;
      return;
    }
    throw e;
  }
}
