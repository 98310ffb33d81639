/**
 * The `pantau` command line: the same code the workers run, on files.
 * Each command lives in src/cli/commands/<name>.command.ts and registers itself here.
 */
import { Command } from 'commander';
import { registerAnalyzeCommand } from './commands/analyze.command.js';
import { registerDetectCommand } from './commands/detect.command.js';
import { registerEvalDetectionCommand } from './commands/eval-detection.command.js';
import { registerTrainCommand } from './commands/train.command.js';
import { registerEvalCommand } from './commands/eval.command.js';
import { registerImportCommand } from './commands/import.command.js';
import { registerBackupCommands } from './commands/backup.command.js';
import { registerMigrateCommand } from './commands/migrate.command.js';

export function buildProgram(): Command {
  const program = new Command('pantau').description('Pantau Isu: pemantauan isu media sosial').showHelpAfterError();
  registerAnalyzeCommand(program);
  registerDetectCommand(program);
  registerEvalDetectionCommand(program);
  registerTrainCommand(program);
  registerEvalCommand(program);
  registerImportCommand(program);
  registerBackupCommands(program);
  registerMigrateCommand(program);
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}
