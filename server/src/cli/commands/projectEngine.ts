/**
 * The engine for commands that are about rules rather than files (`test`,
 * `explain`, `define`): built from the built-in packs and the packs of the
 * config that applies to the working directory (or `--config`).
 */
import { resolve } from 'node:path';
import type { Engine, PackSource, Problem, SeverityOverride } from '../../engine/api';
import type { CommandContext } from '../cliIO';
import { ConfigResolver, EngineCache, formatProblem } from '../configResolution';

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

/** Edit distance between two strings (case-insensitive), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** Up to `limit` candidates close to `wanted`: containing it, or within a third of its length in edits. */
export function closestMatches(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const lower = wanted.toLowerCase();
  const threshold = Math.max(2, Math.ceil(wanted.length / 3));
  return [...new Set(candidates)]
    .map((candidate) => {
      const candidateLower = candidate.toLowerCase();
      const contains = candidateLower.includes(lower) || (lower.length >= 3 && lower.includes(candidateLower));
      const tail = candidateLower.slice(candidateLower.lastIndexOf('/') + 1);
      const distance = Math.min(editDistance(lower, candidateLower), editDistance(lower, tail));
      return { candidate, score: contains ? 0 : distance };
    })
    .filter((entry) => entry.score <= threshold)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}
