/**
 * The `pantau` command line: the same code the workers run, on files.
 * Each command lives in src/cli/commands/<name>.command.ts and registers itself here.
 *
 * Only the module of the command being run is loaded: the others pull in TypeORM, class-validator and NestJS, which
 * cost `pantau analyze` about a second of start-up (docs/analysis-engine.md, CLI). Help and unknown commands load all.
 */
import { Command } from 'commander';

type Register = (program: Command) => void;

/** Each command module, with the command names it registers. */
const MODULES: ReadonlyArray<{ names: readonly string[]; load: () => Promise<Register> }> = [
  { names: ['analyze'], load: async () => (await import('./commands/analyze.command.js')).registerAnalyzeCommand },
  { names: ['detect'], load: async () => (await import('./commands/detect.command.js')).registerDetectCommand },
  {
    names: ['eval-detection'],
    load: async () => (await import('./commands/eval-detection.command.js')).registerEvalDetectionCommand,
  },
  { names: ['train'], load: async () => (await import('./commands/train.command.js')).registerTrainCommand },
  { names: ['eval'], load: async () => (await import('./commands/eval.command.js')).registerEvalCommand },
  { names: ['import'], load: async () => (await import('./commands/import.command.js')).registerImportCommand },
  {
    names: ['backup', 'restore'],
    load: async () => (await import('./commands/backup.command.js')).registerBackupCommands,
  },
  { names: ['migrate'], load: async () => (await import('./commands/migrate.command.js')).registerMigrateCommand },
];

/** The program with every command, or only the module of `command` when it names one. */
export async function buildProgram(command?: string): Promise<Command> {
  const program = new Command('pantau').description('Pantau Isu: pemantauan isu media sosial').showHelpAfterError();
  const own = MODULES.find((m) => command !== undefined && m.names.includes(command));
  // One after the other: jest's ESM loader fails on concurrent imports of shared modules.
  for (const m of own ? [own] : MODULES) {
    (await m.load())(program);
  }
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  await (await buildProgram(argv[2])).parseAsync(argv);
}
