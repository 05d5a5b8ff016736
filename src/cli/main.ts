/** The `jixiao` command line: one file a command under commands/. */
import { Command, Option } from 'commander';
import { runCheckCommand, type CheckOpts } from './commands/check';
import { runScoreCommand, type ScoreOpts } from './commands/score';
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
    .requiredOption('--out <path>', '评分副本写到哪里（文件或目录）/ where the scored copy goes (file or directory)')
    .option('--json', '输出 JSON / print one JSON document')
    .option('--profile <name|file>', '配置：hunan（默认）、national 或 JSON 文件 / profile: hunan (default), national or a JSON file')
    .option('--overwrite', '改写已有得分 / replace scores already in the 得分 cells')
    .option('--add-actual', '表中没有实际完成值列时添加该列 / add a 实际完成值 column where a table has none')
    .addOption(new Option('--lang <lang>', '语言 / language').choices(['zh-CN', 'en-US']).default('zh-CN'))
    .action(async (files: string[], opts: ScoreOpts) => {
      setExit(await runScoreCommand(files, opts, io));
    });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : EXIT.unreadable);
  });
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
