/**
 * `termguard print-config FILE`: the configuration `check` would use for
 * FILE, as JSON: the config files merged, the packs in load order, the
 * severity overrides, the ignore globs and whether FILE is ignored. The file
 * itself need not exist.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { CommandContext } from '../cliIO';
import { ConfigResolver, EngineCache, formatProblem, ignoredByConfig, nameForMessages } from '../../project/configResolution';
import { displayPathOf, kindOfPath } from '../../project/fileDiscovery';

/** Runs `termguard print-config`; exit 2 on configuration errors. */
export function runPrintConfig(file: string, configFile: string | undefined, context: CommandContext): number {
  const { io } = context;
  const path = resolve(io.cwd, file);
  const resolution = new ConfigResolver(io.cwd, configFile).forDirectory(dirname(path));
  if (!resolution.config) {
    for (const problem of resolution.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return 2;
  }
  const config = resolution.config;
  const name = (absolute: string): string => nameForMessages(io.cwd, absolute);
  const ignoredBy = ignoredByConfig(config.ignore, path);
  const builtin = new Set(context.builtinPackFiles());
  const packs = EngineCache.packSet(config, [...builtin]).map((pack) => ({ file: name(pack), builtin: builtin.has(pack) }));
  const printed = {
    file: displayPathOf(io.cwd, path, isAbsolute(file)),
    kind: kindOfPath(path),
    configFiles: config.files,
    ignored: ignoredBy !== undefined,
    ignoredBy: ignoredBy === undefined ? null : name(ignoredBy),
    builtin: config.builtin,
    packs,
    rules: config.rules,
    ignore: config.ignore.map((layer) => ({ folder: name(layer.dir), patterns: layer.patterns })),
  };
  io.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
  return 0;
}
