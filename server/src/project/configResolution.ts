/**
 * Finding the `.termguard.yaml` files that apply to a file (walking up like
 * .editorconfig, or the one `--config` names), merging them, applying their
 * `ignore` globs, and building one engine per distinct set of packs.
 */
import { dirname, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { DocumentKind, Engine, PackSource, Problem, Severity } from '../engine/api';
import {
  CONFIG_FILE_NAME,
  mergeTermguardConfigs,
  parseTermguardConfig,
  type EffectiveConfig,
  type IgnoreLayer,
  type ReaderLayer,
  type LocatedConfig,
} from '../engine/index';
import configSchema from '../../../schema/termguard-config.schema.json';
import packSchema from '../../../schema/termguard-pack.schema.json';
import { MAX_PACK_OR_CONFIG_BYTES, pathStatus, readBoundedFile, type PathStatus } from './boundedRead';
import { decodeDocument, toPosix } from './fileDiscovery';
import { looksLikeYamlWith, quotedExcerpt } from './unrecognisedFile';

/** Builds an engine from pack sources (the CLI's tests substitute their own). */
export type EngineFactory = (packs: readonly PackSource[]) => Engine;

/** What the size limit of packs and configs is called in messages. */
const LIMIT_NAME = 'packs and configs';
const CONFIG_KEYS = Object.keys(configSchema.properties);
const PACK_KEYS = Object.keys(packSchema.properties);

/** The effective config of a folder, or the problems that prevent it. */
export type Resolution =
  | { readonly config: EffectiveConfig; readonly problems?: undefined }
  | { readonly config?: undefined; readonly problems: readonly Problem[] };

/** Formats a problem as `file:line:col: severity: message` (1-based line and column). */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line + 1}:${problem.column + 1}: ${problem.severity}: ${problem.message}`;
}

/** The name used for a file in messages: relative to cwd when inside it, else absolute. */
export function nameForMessages(cwd: string, absolutePath: string): string {
  const rel = relative(cwd, absolutePath);
  if (rel === '') return '.';
  return rel.startsWith('..') || resolve(cwd, rel) !== absolutePath ? toPosix(absolutePath) : toPosix(rel);
}

function problem(file: string, message: string, code: string, line = 0, column = 0, severity: Severity = 'error'): Problem {
  return { file, line, column, severity, message, code };
}

/** Resolves and caches configs per folder for one CLI run. */
export class ConfigResolver {
  private readonly parsed = new Map<string, LocatedConfig | readonly Problem[]>();
  private readonly byDirectory = new Map<string, Resolution>();
  private readonly statuses = new Map<string, PathStatus>();
  private explicit: Resolution | undefined;

  /**
   * @param cwd the working directory (names in messages are relative to it)
   * @param explicitConfig the `--config` file, if given: then only that file applies, everywhere
   */
  constructor(
    private readonly cwd: string,
    private readonly explicitConfig?: string,
  ) {}

  /** The merged config for files in `dir` (absolute), with missing pack files reported as problems. */
  forDirectory(dir: string): Resolution {
    if (this.explicitConfig !== undefined) {
      this.explicit ??= this.resolveChain([resolve(this.cwd, this.explicitConfig)], true);
      return this.explicit;
    }
    let resolution = this.byDirectory.get(dir);
    if (!resolution) {
      resolution = this.resolveChain(this.configFilesAbove(dir), false);
      this.byDirectory.set(dir, resolution);
    }
    return resolution;
  }

  /** Config files from `dir` upward, nearest first, stopping after a `root: true` config. */
  private configFilesAbove(dir: string): string[] {
    const files: string[] = [];
    let current = dir;
    for (;;) {
      const candidate = join(current, CONFIG_FILE_NAME);
      if (this.isFile(candidate)) {
        files.push(candidate);
        const loaded = this.load(candidate);
        if (!Array.isArray(loaded) && (loaded as LocatedConfig).config.root === true) break;
      }
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    return files;
  }

  private resolveChain(files: readonly string[], explicit: boolean): Resolution {
    const layers: LocatedConfig[] = [];
    const problems: Problem[] = [];
    for (const file of files) {
      const status = this.status(file);
      if (explicit && status.kind !== 'file') {
        problems.push(problem(nameForMessages(this.cwd, file), whyNotAFile('config file', undefined, status), 'config-missing'));
        continue;
      }
      const loaded = this.load(file);
      if (Array.isArray(loaded)) problems.push(...(loaded as readonly Problem[]));
      else layers.push(loaded as LocatedConfig);
    }
    if (problems.length > 0) return { problems };
    // An explicit config stands alone: its `root` flag is irrelevant.
    const config = mergeTermguardConfigs(layers, (dir, rel) => resolve(dir, rel));
    for (const pack of config.packs) {
      const status = this.status(pack.path);
      if (status.kind === 'file') continue;
      const message = whyNotAFile('pack file', nameForMessages(this.cwd, pack.path), status);
      problems.push(problem(pack.from.file, message, 'pack-missing', pack.from.line, pack.from.column));
    }
    return problems.length > 0 ? { problems } : { config };
  }

  private load(file: string): LocatedConfig | readonly Problem[] {
    const cached = this.parsed.get(file);
    if (cached) return cached;
    const name = nameForMessages(this.cwd, file);
    const result = parseConfigFile(file, name);
    this.parsed.set(file, result);
    return result;
  }

  private isFile(path: string): boolean {
    return this.status(path).kind === 'file';
  }

  private status(path: string): PathStatus {
    let status = this.statuses.get(path);
    if (status === undefined) {
      status = pathStatus(path);
      this.statuses.set(path, status);
    }
    return status;
  }
}

/**
 * Why a pack or config path cannot be read: "pack file not found: x.yaml",
 * "pack file /dev/zero is not a regular file", "pack file x.yaml: symbolic
 * link loop" (`name` is left out when the message is located at the file itself).
 */
function whyNotAFile(what: string, name: string | undefined, status: PathStatus): string {
  const named = name === undefined ? what : `${what} ${name}`;
  if (status.kind === 'missing' && status.message === 'no such file or directory')
    return name === undefined ? `${what} not found` : `${what} not found: ${name}`;
  if (status.kind === 'missing' || status.kind === 'error') return `${named}: ${status.message}`;
  return `${named} is not a regular file`;
}

/** Reads and parses one config file (`name` is how messages call it). */
function parseConfigFile(file: string, name: string): LocatedConfig | readonly Problem[] {
  const read = readBoundedFile(file, MAX_PACK_OR_CONFIG_BYTES, LIMIT_NAME);
  if (!read.ok)
    return [
      problem(
        name,
        read.reason === 'unreadable' ? `cannot read config file (${read.message})` : `config file ${read.message}`,
        'config-unreadable',
      ),
    ];
  const decoded = decodeDocument(read.bytes);
  if (!decoded.ok) return [problem(name, `config file ${decoded.message}`, 'config-encoding')];
  const parsed = parseTermguardConfig(decoded.text, name);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (parsed.config && errors.length === 0) {
    return { file: name, dir: dirname(file), config: parsed.config, locate: parsed.locate, locateKey: parsed.locateKey };
  }
  if (errors.length > 0 && !looksLikeYamlWith(decoded.text, CONFIG_KEYS)) {
    return [
      problem(
        name,
        `config file is not a Termguard config; it begins ${quotedExcerpt(decoded.text)} (a config has keys such as ${CONFIG_KEYS.join(', ')})`,
        'config-unrecognised',
      ),
    ];
  }
  return errors.length > 0 ? errors : [problem(name, 'invalid config', 'schema')];
}

const matchers = new Map<string, (path: string) => boolean>();

function matcherFor(pattern: string): (path: string) => boolean {
  let matcher = matchers.get(pattern);
  if (!matcher) {
    const normalized = pattern.startsWith('./') ? pattern.slice(2) : pattern.startsWith('/') ? pattern.slice(1) : pattern;
    matcher = picomatch(normalized.endsWith('/') ? normalized.slice(0, -1) : normalized, { dot: true });
    matchers.set(pattern, matcher);
  }
  return matcher;
}

/**
 * The config file whose `ignore` globs exclude `absolutePath`, if any. A glob
 * is matched against the path relative to its config's folder and against
 * each of that path's parent folders, so `drafts` and `drafts/**` both
 * exclude `drafts/a.md`. Files outside a config's folder are never excluded
 * by it.
 */
export function ignoredByConfig(layers: readonly IgnoreLayer[], absolutePath: string): string | undefined {
  for (const layer of layers) {
    const rel = toPosix(relative(layer.dir, absolutePath));
    if (rel === '' || rel.startsWith('../') || rel === '..') continue;
    const parts = rel.split('/');
    const candidates = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
    if (layer.patterns.some((pattern) => candidates.some((candidate) => matcherFor(pattern)(candidate)))) return layer.dir;
  }
  return undefined;
}

/** The kind the `readers` globs of the configs give a file, nearest config first; undefined when none matches. */
export function readerKindByConfig(layers: readonly ReaderLayer[], absolutePath: string): DocumentKind | undefined {
  for (const layer of layers) {
    const rel = toPosix(relative(layer.dir, absolutePath));
    if (rel === '' || rel.startsWith('../') || rel === '..') continue;
    for (const [pattern, kind] of Object.entries(layer.globs)) {
      if (matcherFor(pattern)(rel)) return kind;
    }
  }
  return undefined;
}

/** An engine and the errors of the packs it was built from. */
export interface CachedEngine {
  readonly engine: Engine;
  /** Load problems of its packs (errors mean a broken pack). */
  readonly problems: readonly Problem[];
  /** The pack sources it was built from. */
  readonly packs: readonly PackSource[];
}

/** Builds each distinct pack set's engine once per run and reads each pack file once. */
export class EngineCache {
  private readonly engines = new Map<string, CachedEngine>();
  private readonly texts = new Map<string, PackSource | Problem>();

  constructor(
    private readonly factory: EngineFactory,
    private readonly cwd: string,
  ) {}

  /** Number of engines built so far. */
  get size(): number {
    return this.engines.size;
  }

  /** All engines built so far, in build order. */
  all(): readonly CachedEngine[] {
    return [...this.engines.values()];
  }

  /** The pack set for an effective config: the built-in packs (if enabled) then the config's packs, without duplicates. */
  static packSet(config: EffectiveConfig, builtinFiles: readonly string[], extra: readonly string[] = []): string[] {
    const paths = [...(config.builtin ? builtinFiles : []), ...config.packs.map((pack) => pack.path), ...extra];
    return [...new Set(paths)];
  }

  /** The engine for these pack files (absolute paths, in load order); unreadable packs become problems. */
  get(packPaths: readonly string[]): CachedEngine {
    const key = JSON.stringify(packPaths);
    let cached = this.engines.get(key);
    if (!cached) {
      const sources: PackSource[] = [];
      const problems: Problem[] = [];
      for (const path of packPaths) {
        const loaded = this.read(path);
        if ('text' in loaded) sources.push(loaded);
        else problems.push(loaded);
      }
      const engine = this.factory(sources);
      cached = { engine, problems: [...problems, ...withoutEchoOfUnrecognisedPacks(engine.problems, sources)], packs: sources };
      this.engines.set(key, cached);
    }
    return cached;
  }

  /** The name a pack is given to the engine (and shown in messages). */
  packName(path: string): string {
    return nameForMessages(this.cwd, path);
  }

  private read(path: string): PackSource | Problem {
    let loaded = this.texts.get(path);
    if (!loaded) {
      const file = this.packName(path);
      const read = readBoundedFile(path, MAX_PACK_OR_CONFIG_BYTES, LIMIT_NAME);
      if (!read.ok) {
        loaded = problem(
          file,
          read.reason === 'unreadable' ? `cannot read pack file (${read.message})` : `pack file ${read.message}`,
          'pack-unreadable',
        );
      } else {
        const decoded = decodeDocument(read.bytes);
        loaded = decoded.ok ? { file, text: decoded.text } : problem(file, `pack file ${decoded.message}`, 'pack-encoding');
      }
      this.texts.set(path, loaded);
    }
    return loaded;
  }
}

/**
 * The engine's load problems, except that a pack which failed to load and is
 * not a pack at all gets one problem quoting a short excerpt instead of
 * messages that would quote it line by line.
 */
function withoutEchoOfUnrecognisedPacks(problems: readonly Problem[], sources: readonly PackSource[]): Problem[] {
  const unrecognised = new Map<string, Problem>();
  for (const source of sources) {
    const failed = problems.some((p) => p.file === source.file && p.severity === 'error');
    if (failed && !looksLikeYamlWith(source.text, PACK_KEYS)) {
      const message = `pack file is not a Termguard rule pack; it begins ${quotedExcerpt(source.text)} (a pack needs a \`pack\` key)`;
      unrecognised.set(source.file, problem(source.file, message, 'pack-unrecognised'));
    }
  }
  if (unrecognised.size === 0) return [...problems];
  const kept = problems.filter((p) => !unrecognised.has(p.file));
  return [...unrecognised.values(), ...kept];
}

/**
 * Warnings for `rules` keys of a config that name no rule (or category) of
 * the engine, located at the config entry, so typos do not go unnoticed.
 * `pack:NAME` keys are not checked.
 */
export function unknownRuleWarnings(config: EffectiveConfig, engine: Engine): Problem[] {
  const warnings: Problem[] = [];
  const rules = engine.rules();
  const categories = new Set(rules.map((rule) => rule.category));
  for (const key of Object.keys(config.rules)) {
    if (key.startsWith('pack:')) continue;
    const known = key.startsWith('category:') ? categories.has(key.slice('category:'.length)) : engine.rule(key) !== undefined;
    if (known) continue;
    const where = config.ruleSources[key] ?? { file: config.files[config.files.length - 1] ?? '<config>', line: 0, column: 0 };
    const what = key.startsWith('category:') ? 'category' : 'rule';
    warnings.push(
      problem(
        where.file,
        `unknown ${what} \`${key.replace(/^category:/, '')}\` in \`rules\``,
        'unknown-rule',
        where.line,
        where.column,
        'warning',
      ),
    );
  }
  return warnings;
}
