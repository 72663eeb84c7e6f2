/**
 * The engine for commands that are about rules rather than files (`test`,
 * `explain`, `define`): built from the built-in packs and the packs of the
 * config that applies to the working directory (or `--config`).
 */
import { resolve } from 'node:path';
import type { Engine, PackSource, Problem, SeverityOverride } from '../../engine/api';
import type { CommandContext } from '../cliIO';
import { ConfigResolver, EngineCache, formatProblem } from '../../project/configResolution';

/** An engine and the names its packs were given, or the exit status after reporting why there is none. */
export type ProjectEngine =
  | {
      readonly engine: Engine;
      readonly packNames: readonly string[];
      readonly problems: readonly Problem[];
      readonly extraNames: readonly string[];
      /** The packs the engine was built from. */
      readonly packs: readonly PackSource[];
      /** The severity overrides of the config (`rules`). */
      readonly overrides: Readonly<Record<string, SeverityOverride>>;
    }
  | { readonly exitCode: number };

/**
 * Builds the project engine, adding `extraPacks` (paths relative to cwd).
 * Configuration errors and broken packs are printed to stderr as
 * `file:line:col: message` and yield exit status 2.
 */
export function projectEngine(context: CommandContext, configFile: string | undefined, extraPacks: readonly string[] = []): ProjectEngine {
  const { io } = context;
  const resolution = new ConfigResolver(io.cwd, configFile).forDirectory(io.cwd);
  if (!resolution.config) {
    for (const problem of resolution.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return { exitCode: 2 };
  }
  const cache = new EngineCache(context.engineFactory, io.cwd);
  const extra = extraPacks.map((pack) => resolve(io.cwd, pack));
  const cached = cache.get(EngineCache.packSet(resolution.config, context.builtinPackFiles(), extra));
  const errors = cached.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    for (const problem of errors) io.stderr.write(`${formatProblem(problem)}\n`);
    return { exitCode: 2 };
  }
  return {
    engine: cached.engine,
    packNames: cached.packs.map((pack) => pack.file),
    problems: cached.problems,
    extraNames: extra.map((path) => cache.packName(path)),
    packs: cached.packs,
    overrides: resolution.config.rules,
  };
}
