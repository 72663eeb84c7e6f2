/**
 * The `termguard` command line: parses arguments and dispatches to the
 * subcommands. Everything process-specific comes in through `CliIO`, so tests
 * drive it in memory; `bin.ts` connects it to the real process.
 */
import { helpText, parseArgs } from './args';
import { builtinPackFiles, installedVersion } from '../project/builtinPacks';
import type { EngineFactory } from '../project/configResolution';
import type { CliDependencies, CliIO, CommandContext } from './cliIO';
import { runCheck } from './commands/check';
import { runDefine } from './commands/define';
import { runExplain } from './commands/explain';
import { runInit } from './commands/init';
import { runListRules, runListTerms } from './commands/list';
import { runPrintConfig } from './commands/printConfig';
import { runServer } from './commands/server';
import { runTest } from './commands/test';
import { describeInternalError, jsonError } from './messages';

export type { CliDependencies, CliIO, CliWriter } from './cliIO';
export type { EngineFactory } from '../project/configResolution';

/** Loads the real engine only when no factory is injected (keeps tests independent of it). */
async function defaultEngineFactory(): Promise<EngineFactory> {
  const { createEngine } = await import('../engine/index');
  return createEngine;
}

/**
 * Runs the CLI with `argv` (the arguments after the program name) and
 * resolves to the exit status: 0 success, 1 error findings or failing
 * examples, 2 usage or configuration errors. Never throws for bad input;
 * unexpected internal errors are reported on stderr with status 2.
 */
export async function main(argv: readonly string[], io: CliIO, dependencies: CliDependencies = {}): Promise<number> {
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    io.stderr.write(`termguard: ${parsed.error}\nRun \`termguard --help\` for usage.\n`);
    if (asksForJson(argv)) io.stdout.write(jsonError(parsed.error));
    return 2;
  }
  const { command } = parsed;
  const version = dependencies.version ?? installedVersion();
  if (command.kind === 'help') {
    io.stdout.write(helpText(command.topic));
    return 0;
  }
  if (command.kind === 'version') {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  try {
    if (command.kind === 'server') return await runServer(commandContext(io, dependencies, version, notNeeded), dependencies.startServer);
    if (command.kind === 'init') return runInit(io);
    if (command.kind === 'print-config')
      return runPrintConfig(command.file, command.config, commandContext(io, dependencies, version, notNeeded));
    const engineFactory = dependencies.engineFactory ?? (await defaultEngineFactory());
    const context = commandContext(io, dependencies, version, engineFactory);
    switch (command.kind) {
      case 'check':
        return await runCheck(command, context);
      case 'test':
        return runTest(command.packs, command.config, context);
      case 'explain':
        return runExplain(command.ruleId, command.config, context);
      case 'define':
        return runDefine(command.term, command.config, context);
      case 'list-rules':
        return runListRules(command.format, command.config, context);
      case 'list-terms':
        return runListTerms(command.format, command.config, context);
    }
  } catch (error) {
    io.stderr.write(`termguard: ${describeInternalError('internal error', error)}`);
    return 2;
  }
}

/**
 * True when `check` was asked for JSON output (`--format json`,
 * `--format=json`, `-f json`, `-fjson`), read from the raw arguments because
 * they may not have parsed.
 */
function asksForJson(argv: readonly string[]): boolean {
  if (argv[0] !== 'check') return false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if ((arg === '--format' || arg === '-f') && argv[i + 1] === 'json') return true;
    if (arg === '--format=json' || arg === '-fjson') return true;
  }
  return false;
}

const notNeeded: EngineFactory = () => {
  throw new Error('no engine is needed for this command');
};

function commandContext(io: CliIO, dependencies: CliDependencies, version: string, engineFactory: EngineFactory): CommandContext {
  return {
    io,
    engineFactory,
    builtinPackFiles: dependencies.builtinPackFiles ?? builtinPackFiles,
    version,
    buildId: dependencies.buildId ?? (() => version),
    ...(dependencies.workerScript ? { workerScript: dependencies.workerScript } : {}),
    ...(dependencies.idleCores !== undefined ? { idleCores: dependencies.idleCores } : {}),
    ...(dependencies.fileSystem ? { fileSystem: dependencies.fileSystem } : {}),
  };
}
